// Apart from the sheet, so the pinned card can name the rail without loading the QR encoder with it.
export const QR_RAIL_NAMES = { KHQR: 'KHQR', QPAY: 'QPay', LAOQR: 'Lao QR' } as const;
