import type { EmailWords } from './en';

export const mn: EmailWords = {
  greeting: (name) => (name ? `Сайн байна уу, ${name}.` : 'Сайн байна уу.'),
  receiptSubject: (n) => `Захиалга #${n}-ийн баримт`,
  receiptIntro: (brand) => `${brand} брэндээс захиалга хийсэнд баярлалаа. Таны төлбөрийг хүлээн авлаа. Захиалга илгээгдэхэд бид танд дахин имэйл бичнэ.`,
  subtotal: 'Дэд дүн',
  shipping: 'Хүргэлт',
  free: 'үнэгүй',
  discount: 'Хөнгөлөлт',
  totalPaid: 'Нийт төлсөн',
  shippingTo: 'Хүргэх хаяг:',
  followHere: 'Захиалгаа эндээс хянаарай:',
  followInAccount: 'Та үүнийг бүртгэлийнхээ «Таны захиалгууд» хэсгээс хянах боломжтой.',
  orderLink: (n) => `Захиалга #${n}`,
  shippedSubject: (n) => `Захиалга #${n} илгээгдлээ`,
  shippedIntro: (brand, n) => `Сайн мэдээ: ${brand} таны #${n} захиалгыг илгээлээ.`,
  carrier: 'Тээвэрлэгч',
  trackingNumber: 'Хяналтын дугаар',
  trackHere: 'Захиалгаа эндээс хянаарай:',
  trackLink: (n) => `Захиалга #${n}-г хянах`,
};
