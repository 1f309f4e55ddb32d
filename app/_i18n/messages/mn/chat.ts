import type { Messages } from '../types';

export const chat: Messages['chat'] = {
  region: 'Чат',
  log: 'Чатын мессежүүд',
  pinned: 'Тогтоосон · {name}:',
  unpin: 'Тогтоолтыг болих',
  empty: 'Одоогоор мессеж алга. Мэндээ хэлээрэй!',
  roleHost: 'Хөтлөгч',
  roleModerator: 'Зохицуулагч',
  pin: 'Тогтоох',
  pinLabel: '{name}-ийн мессежийг тогтоох',
  delete: 'Устгах',
  deleteLabel: '{name}-ийн мессежийг устгах',
  ban: 'Хориглох',
  banLabel: '{name}-ийг чатаас хориглох',
  slowMode: 'Удаан горим: {seconds} секунд тутамд нэг мессеж.',
  slowModeWait: 'Удаан горим: {seconds} секундын дараа дахин илгээж болно.',
  message: 'Мессеж',
  placeholder: 'Юм бичээрэй…',
  send: 'Илгээх',
  signInToChat: 'Чатлахын тулд нэвтэрнэ үү',
};
