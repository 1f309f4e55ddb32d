import type { Messages } from '../types';

// A one-tap Buy paid by a bank QR code (issue 21): the sheet over the stream that shows the code.
export const qrOneTap: Messages['qrOneTap'] = {
  buyWith: '{rail}-ээр худалдаж авах',
  title: '{product} худалдаж авах',
  close: 'Хаах',
  expired: 'Энэ кодын хугацаа дууссан тул бараа дахин худалдаанд гарлаа. Төлбөр авагдаагүй.',
  showAgain: '#{number} захиалга төлбөр хүлээж байна: кодыг харуулах',
};
