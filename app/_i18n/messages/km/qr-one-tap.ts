import type { Messages } from '../types';

// A one-tap Buy paid by a bank QR code (issue 21): the sheet over the stream that shows the code.
export const qrOneTap: Messages['qrOneTap'] = {
  buyWith: 'ទិញតាម {rail}',
  title: 'ទិញ {product}',
  close: 'បិទ',
  expired: 'កូដនេះបានផុតកំណត់ ហើយទំនិញត្រូវបានដាក់លក់វិញ។ មិនមានការកាត់ប្រាក់ទេ។',
  showAgain: 'ការបញ្ជាទិញ #{number} កំពុងរង់ចាំការទូទាត់៖ បង្ហាញកូដ',
};
