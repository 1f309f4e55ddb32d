import type { EmailWords } from './en';

export const lo: EmailWords = {
  greeting: (name) => (name ? `ສະບາຍດີ ${name},` : 'ສະບາຍດີ,'),
  receiptSubject: (n) => `ໃບຮັບເງິນສຳລັບການສັ່ງຊື້ #${n}`,
  receiptIntro: (brand) => `ຂອບໃຈສຳລັບການສັ່ງຊື້ຈາກ ${brand}. ພວກເຮົາໄດ້ຮັບການຊຳລະເງິນຂອງທ່ານແລ້ວ ແລະ ຈະສົ່ງອີເມວຫາທ່ານອີກຄັ້ງເມື່ອສິນຄ້າຖືກສົ່ງອອກ.`,
  subtotal: 'ຍອດລວມຍ່ອຍ',
  shipping: 'ຄ່າຂົນສົ່ງ',
  free: 'ຟຣີ',
  discount: 'ສ່ວນຫຼຸດ',
  totalPaid: 'ຍອດທີ່ຈ່າຍທັງໝົດ',
  shippingTo: 'ສົ່ງໄປທີ່:',
  followHere: 'ຕິດຕາມການສັ່ງຊື້ຂອງທ່ານໄດ້ທີ່ນີ້:',
  followInAccount: 'ທ່ານສາມາດຕິດຕາມໄດ້ທີ່ “ການສັ່ງຊື້ຂອງທ່ານ” ໃນບັນຊີຂອງທ່ານ.',
  orderLink: (n) => `ການສັ່ງຊື້ #${n}`,
  shippedSubject: (n) => `ການສັ່ງຊື້ #${n} ຖືກສົ່ງອອກແລ້ວ`,
  shippedIntro: (brand, n) => `ຂ່າວດີ: ${brand} ໄດ້ສົ່ງການສັ່ງຊື້ #${n} ອອກແລ້ວ.`,
  carrier: 'ບໍລິສັດຂົນສົ່ງ',
  trackingNumber: 'ເລກຕິດຕາມ',
  trackHere: 'ຕິດຕາມການສັ່ງຊື້ຂອງທ່ານໄດ້ທີ່ນີ້:',
  trackLink: (n) => `ຕິດຕາມການສັ່ງຊື້ #${n}`,
};
