// A bank QR payment that could not be used and was paid back (issue 21): the buyer's email and the brand's "done" action.
export const qrRefund = {
  email: {
    subject: 'Money back for order #{number}',
    body: '{brand} received your payment of {amount} by {rail} for order #{number} when it could no longer be used (the code had expired, the order was already paid or cancelled, or the amount did not match). The money has been paid back to you.',
    reference: 'Refund reference: {reference}',
    bankDelay: 'Your bank may take a few days to show the money.',
  },
  tasks: {
    intro:
      'Payments made by bank QR code that could not be used, refunded automatically where the bank allows it, or listed here for you to pay back.',
    done: 'Mark as refunded',
    referenceLabel: 'Your refund reference (optional)',
  },
} as const;
