import type { Messages } from '../types';

// A bank QR payment that could not be used and was paid back (issue 21): the buyer's email and the brand's "done" action.
export const qrRefund: Messages['qrRefund'] = {
  email: {
    subject: 'ເງິນຄືນສຳລັບຄຳສັ່ງຊື້ #{number}',
    body: '{brand} ໄດ້ຮັບການຊຳລະຂອງທ່ານຈຳນວນ {amount} ຜ່ານ {rail} ສຳລັບຄຳສັ່ງຊື້ #{number} ໃນເວລາທີ່ມັນໃຊ້ບໍ່ໄດ້ແລ້ວ (ລະຫັດໝົດອາຍຸແລ້ວ, ຄຳສັ່ງຊື້ຖືກຊຳລະ ຫຼື ຍົກເລີກແລ້ວ, ຫຼື ຈຳນວນເງິນບໍ່ກົງກັນ). ເງິນນີ້ໄດ້ຖືກສົ່ງຄືນໃຫ້ທ່ານແລ້ວ.',
    reference: 'ເລກອ້າງອີງການຄືນເງິນ: {reference}',
    bankDelay: 'ທະນາຄານຂອງທ່ານອາດໃຊ້ເວລາສອງສາມມື້ເພື່ອສະແດງເງິນນີ້.',
  },
  tasks: {
    intro: 'ການຊຳລະດ້ວຍລະຫັດ QR ຂອງທະນາຄານທີ່ໃຊ້ບໍ່ໄດ້ ຈະຖືກຄືນເງິນອັດຕະໂນມັດເມື່ອທະນາຄານອະນຸຍາດ ຫຼື ຖືກລະບຸໄວ້ທີ່ນີ້ໃຫ້ທ່ານຄືນເງິນ.',
    done: 'ໝາຍວ່າຄືນເງິນແລ້ວ',
    referenceLabel: 'ເລກອ້າງອີງການຄືນເງິນຂອງທ່ານ (ບໍ່ບັງຄັບ)',
  },
};
