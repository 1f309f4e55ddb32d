import type { Messages } from '../types';

export const feed: Messages['feed'] = {
  title: 'Шууд нэвтрүүлгүүд',
  label: 'Шууд нэвтрүүлгүүд: дараагийнхыг үзэхийн тулд дээш шударна уу, эсвэл сум товчийг ашиглана уу',
  slide: '{count, number}-аас {index}-р нэвтрүүлэг: {title}',
  byline: '{host}, {brand}',
  next: 'Дараагийн нэвтрүүлэг',
  previous: 'Өмнөх нэвтрүүлэг',
  openShow: 'Нэвтрүүлгийг нээх',
  empty: 'Одоогоор шууд нэвтрүүлэг алга байна.',
  comingUp: 'Удахгүй',
  comingUpHint: 'Нэгийг нээгээд «Надад сануулах» дээр дарвал шууд эхлэхэд бид танд мэдэгдэнэ.',
  backHome: 'Нүүр хуудас',
  swipeThrough: 'Шууд нэвтрүүлгүүдийг шударч үзэх',
  recentChat: 'Сүүлийн чат',
};
