import type { Messages } from '../types';

export const viewer: Messages['viewer'] = {
  media: {
    videoLabel: 'ວິດີໂອຖ່າຍທອດສົດ',
    connecting: 'ກຳລັງເຊື່ອມຕໍ່ວິດີໂອ…',
    failed: 'ພວກເຮົາບໍ່ສາມາດເລີ່ມວິດີໂອໄດ້. ກະລຸນາໂຫຼດໜ້ານີ້ຄືນໃໝ່ເພື່ອລອງອີກຄັ້ງ.',
    pausedToSaveData: 'ຢຸດວິດີໂອໄວ້ຊົ່ວຄາວເພື່ອປະຢັດອິນເຕີເນັດ',
    tapForSound: 'ແຕະເພື່ອເປີດສຽງ',
    mute: 'ປິດສຽງ',
    quality: 'ຄຸນນະພາບ: {level}',
    level: { low: 'ຕ່ຳ', medium: 'ປານກາງ', high: 'ສູງ' },
  },
};
