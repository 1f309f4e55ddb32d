import type { Messages } from '../types';

export const feed: Messages['feed'] = {
  title: 'ລາຍການຖ່າຍທອດສົດ',
  label: 'ລາຍການຖ່າຍທອດສົດ: ປັດຂຶ້ນເພື່ອເບິ່ງລາຍການຕໍ່ໄປ ຫຼື ໃຊ້ປຸ່ມລູກສອນ',
  slide: 'ລາຍການທີ {index} ຈາກ {count, number}: {title}',
  byline: '{host} ກັບ {brand}',
  next: 'ລາຍການຕໍ່ໄປ',
  previous: 'ລາຍການກ່ອນໜ້າ',
  openShow: 'ເປີດລາຍການ',
  empty: 'ຕອນນີ້ບໍ່ມີລາຍການຖ່າຍທອດສົດ.',
  comingUp: 'ລາຍການທີ່ກຳລັງຈະມາ',
  comingUpHint: 'ເປີດລາຍການໜຶ່ງ ແລ້ວແຕະ ແຈ້ງເຕືອນຂ້ອຍ: ພວກເຮົາຈະບອກທ່ານເມື່ອມັນເລີ່ມຖ່າຍທອດສົດ.',
  backHome: 'ໜ້າຫຼັກ',
  swipeThrough: 'ປັດເບິ່ງລາຍການຖ່າຍທອດສົດ',
  recentChat: 'ການສົນທະນາລ່າສຸດ',
};
