// 3-D Secure in a sheet over the stream (issue 21 item 1): a one tap whose bank asks the buyer to confirm.
export const bankCheck = {
  title: 'Confirm your payment for {product}',
  close: 'Close',
  loading: 'Opening your bank’s check…',
  bank: 'Your bank’s window is open: confirm the payment there. The show keeps playing behind it.',
  paid: 'Your bank confirmed the payment. Order #{number} is placed.',
  declined: 'Your bank did not confirm the payment. Nothing was charged and the item went back on sale.',
  tryAgain: 'Try again',
  waiting: 'Your bank has not answered yet. The order is finished as soon as it does.',
  checkAgain: 'Check again',
  error: 'Your bank’s check could not open here. Try again, or finish it on the payment page.',
  openPage: 'Open the payment page',
  continue: 'Your order is waiting for your bank: continue',
  holdNote: 'It is held for you for 10 minutes; after that the item goes back on sale and nothing is charged.',
} as const;
