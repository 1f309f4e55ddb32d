import type { Messages } from '../types';

// Connect payouts and reversals Stripe refused on every attempt (issue 21), on the brand's Payments page.
export const payoutFailures: Messages['payoutFailures'] = {
  heading: 'ການໂອນເງິນທີ່ Stripe ປະຕິເສດ',
  explanation:
    'Stripe ໄດ້ປະຕິເສດການໂອນເຫຼົ່ານີ້ຫຼາຍຄັ້ງ ແລະ ພວກເຮົາໄດ້ຢຸດລອງແລ້ວ. ການຖອນຄືນ ແມ່ນການເອົາສ່ວນຂອງຄຳສັ່ງຊື້ທີ່ຄືນເງິນແລ້ວກັບຄືນຈາກບັນຊີທີ່ເຊື່ອມຕໍ່; Stripe ປະຕິເສດເມື່ອຍອດເງິນຂອງບັນຊີນັ້ນຕ່ຳເກີນໄປ. ການໂອນອອກ ແມ່ນການສົ່ງເງິນຂອງຄຳສັ່ງຊື້ໄປຫາບັນຊີທີ່ເຊື່ອມຕໍ່; Stripe ປະຕິເສດເມື່ອຍອດເງິນຂອງແພລດຟອມຍັງບໍ່ມີເງິນນັ້ນ ຫຼື ບັນຊີບໍ່ສາມາດຮັບການໂອນໄດ້. ກະລຸນາແກ້ໄຂສາເຫດໃນ Stripe ແລ້ວລອງໃໝ່.',
  payout: 'ການໂອນອອກຂອງຄຳສັ່ງຊື້ #{number}',
  reversal: 'ການຖອນຄືນສຳລັບຄຳສັ່ງຊື້ #{number}',
  step: '{amount} ໄປຫາ {account}',
  reversalStep: '{amount} ຈາກ {account}',
  nothingOwed: 'ບໍ່ມີຫຍັງຄ້າງແລ້ວ: ການລອງໃໝ່ຈະປິດມັນ.',
  stripeSaid: 'Stripe ຕອບວ່າ: {error}',
  failedAt: 'ຢຸດລອງເມື່ອ {time}',
  tryAgain: 'ລອງໃໝ່',
  queued: 'ເຂົ້າຄິວແລ້ວ: ມັນຈະເຮັດວຽກອີກຄັ້ງໃນອີກບໍ່ດົນ. ໂຫຼດໜ້ານີ້ຄືນໃໝ່ເພື່ອເບິ່ງຜົນ.',
  alreadyQueued: 'ມັນເຂົ້າຄິວແລ້ວ.',
};
