// A one-tap Buy paid by a bank QR code (issue 21): the sheet over the stream that shows the code.
export const qrOneTap = {
  buyWith: 'Buy with {rail}',
  title: 'Buy {product}',
  close: 'Close',
  expired: 'This code expired and the item went back on sale. Nothing was charged.',
  showAgain: 'Order #{number} is waiting for payment: show the code',
} as const;
