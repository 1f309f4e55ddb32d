import type { Messages } from '../types';

export const chat: Messages['chat'] = {
  region: 'ສົນທະນາ',
  log: 'ຂໍ້ຄວາມສົນທະນາ',
  pinned: 'ປັກໝຸດ · {name}:',
  unpin: 'ຖອນປັກໝຸດ',
  empty: 'ຍັງບໍ່ມີຂໍ້ຄວາມ. ທັກທາຍເລີຍ!',
  roleHost: 'ຜູ້ດຳເນີນລາຍການ',
  roleModerator: 'ຜູ້ດູແລ',
  pin: 'ປັກໝຸດ',
  pinLabel: 'ປັກໝຸດຂໍ້ຄວາມຈາກ {name}',
  delete: 'ລຶບ',
  deleteLabel: 'ລຶບຂໍ້ຄວາມຈາກ {name}',
  ban: 'ຫ້າມ',
  banLabel: 'ຫ້າມ {name} ຈາກການສົນທະນາ',
  slowMode: 'ໂໝດຊ້າ: ໜຶ່ງຂໍ້ຄວາມທຸກໆ {seconds} ວິນາທີ.',
  slowModeWait: 'ໂໝດຊ້າ: ທ່ານສາມາດສົ່ງອີກຄັ້ງໃນ {seconds} ວິນາທີ.',
  message: 'ຂໍ້ຄວາມ',
  placeholder: 'ພິມບາງຢ່າງ…',
  send: 'ສົ່ງ',
  signInToChat: 'ເຂົ້າສູ່ລະບົບເພື່ອສົນທະນາ',
};
