import type { Messages } from '../types';

export const common: Messages['common'] = {
  appName: 'Live Commerce',
  description: 'ເບິ່ງລາຍການຂາຍສົດ, ລົມກັບຜູ້ດຳເນີນລາຍການ ແລະ ຊື້ໄດ້ໃນຄລິກດຽວ.',
  skipToContent: 'ຂ້າມໄປຫາເນື້ອຫາ',
  nav: {
    main: 'ເມນູຫຼັກ',
    search: 'ຄົ້ນຫາ',
    dashboard: 'ແຜງຄວບຄຸມ',
    account: 'ບັນຊີ',
    signIn: 'ເຂົ້າສູ່ລະບົບ',
    signOut: 'ອອກຈາກລະບົບ',
    language: 'ພາສາ',
  },
  loading: 'ກຳລັງໂຫຼດ…',
  save: 'ບັນທຶກ',
  cancel: 'ຍົກເລີກ',
  close: 'ປິດ',
  tryAgain: 'ລອງໃໝ່',
};
