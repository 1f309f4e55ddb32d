import type { Messages } from '../types';

export const embed: Messages['embed'] = {
  page: {
    title: '{title} · шууд худалдаа',
    playerLabel: '{brand}-тай шууд худалдаа',
    live: 'Шууд',
    startsIn: 'Эхлэх хүртэл',
    countdownLabel: 'Нэвтрүүлэг эхлэх хүртэлх хугацаа',
    days: '{count, plural, other {# өдөр}}',
    startingSoon: 'Удахгүй эхэлнэ',
    ended: 'Энэ нэвтрүүлэг дууссан.',
    cancelled: 'Энэ нэвтрүүлэг цуцлагдсан.',
    watchReplay: 'Дахин үзэх',
    watchFull: 'Бүтэн нэвтрүүлгийг нээх',
    noPinned: 'Хөтлөгч одоогоор бараа онцлоогүй байна.',
  },
  product: {
    option: 'Сонголт',
    quantity: 'Тоо ширхэг',
    less: 'Нэгээр хасах',
    more: 'Нэгээр нэмэх',
    buy: 'Худалдан авах · {price}',
    addToCart: 'Сагсанд нэмэх · {price}',
    soldOut: 'Дууссан',
    opensNewTab: 'Төлбөрийн хуудас шинэ таб дээр нээгдэнэ.',
    addedToCart: '{count, plural, one {Сагсанд # ширхэг нэмлээ.} other {Сагсанд # ширхэг нэмлээ.}}',
  },
  settings: {
    heading: 'Өөрийн сайтад суулгах',
    description:
      'Нэвтрүүлгээ script таг эсвэл iframe-ээр өөрийн сайтад байрлуулна уу. Зөвхөн энд жагсаасан сайтууд үзүүлж чадна; бусад сайтын хүрээ хоосон үлдэнэ.',
    origins: 'Нэвтрүүлгээ суулгаж болох сайтууд',
    originsHint: 'Мөр бүрд нэг: https:// болон хост, порт байвал хамт, жишээ нь https://shop.example.com.',
    save: 'Сайтуудыг хадгалах',
    saving: 'Хадгалж байна…',
    saved: 'Хадгаллаа. Жагсаасан сайтууд дараагийн хуудас ачаалахаас эхлэн нэвтрүүлгээ суулгаж болно.',
    snippet: 'Суулгах код',
    snippetHint:
      'SHOW_ID-г нэвтрүүлгийн дугаараар солино уу. Худалдан авалтыг манай төлбөрийн оронд өөрийн сагсанд илгээхийн тулд data-buy="handoff"-г нэмнэ үү.',
  },
};
