import type { Messages } from '../types';

export const common: Messages['common'] = {
  appName: 'Live Commerce',
  description: 'Шууд худалдааны нэвтрүүлэг үзэж, хөтлөгчтэй чатлаж, нэг товшилтоор худалдан аваарай.',
  skipToContent: 'Агуулга руу алгасах',
  nav: {
    main: 'Үндсэн цэс',
    search: 'Хайх',
    dashboard: 'Хянах самбар',
    account: 'Бүртгэл',
    signIn: 'Нэвтрэх',
    signOut: 'Гарах',
    language: 'Хэл',
  },
  loading: 'Ачаалж байна…',
  save: 'Хадгалах',
  cancel: 'Цуцлах',
  close: 'Хаах',
  tryAgain: 'Дахин оролдох',
};
