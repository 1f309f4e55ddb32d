import type { Messages } from '../types';

export const viewer: Messages['viewer'] = {
  media: {
    videoLabel: 'Шууд видео',
    connecting: 'Видео холбогдож байна…',
    failed: 'Видеог эхлүүлж чадсангүй. Дахин оролдохын тулд хуудсаа дахин ачаална уу.',
    pausedToSaveData: 'Дата хэмнэхийн тулд видеог түр зогсоолоо',
    tapForSound: 'Дуу асаахын тулд дарна уу',
    mute: 'Дууг хаах',
    quality: 'Чанар: {level}',
    level: { low: 'Бага', medium: 'Дунд', high: 'Өндөр' },
  },
};
