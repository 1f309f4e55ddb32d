import type { Messages } from '../types';

// A one-tap Buy paid by a bank QR code (issue 21): the sheet over the stream that shows the code.
export const qrOneTap: Messages['qrOneTap'] = {
  buyWith: 'ຊື້ດ້ວຍ {rail}',
  title: 'ຊື້ {product}',
  close: 'ປິດ',
  expired: 'ລະຫັດນີ້ໝົດອາຍຸແລ້ວ ແລະ ສິນຄ້າໄດ້ກັບຄືນມາຂາຍອີກ. ບໍ່ມີການຕັດເງິນ.',
  showAgain: 'ຄຳສັ່ງຊື້ #{number} ກຳລັງລໍຖ້າການຊຳລະ: ສະແດງລະຫັດ',
};
