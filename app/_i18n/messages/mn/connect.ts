import type { Messages } from '../types';

// Stripe Connect payouts (issue 21 item 1): a brand's connected account and switch, a host's own account.
export const connect: Messages['connect'] = {
  heading: 'Stripe Connect-ээр төлбөр шилжүүлэх',
  description:
    'Асаалттай үед Stripe-ээр картаар төлөгдсөн захиалга бүрийг төлөгдмөгц шилжүүлнэ: холбогдсон данстай хөтлөгч бүр өөрийн шимтгэлийг, таны холбогдсон данс үлдэгдлийг авна.',
  account: 'Холбогдсон дансны дугаар',
  accountHint: 'acct_-ээр эхэлнэ. Хадгалсныг үлдээх бол хоосон орхино уу.',
  saved: 'Хадгалсан: {account}',
  none: 'Холбогдсон данс хараахан алга.',
  enabled: 'Stripe Connect-ээр төлбөр шилжүүлэх',
  save: 'Шилжүүлгийн тохиргоог хадгалах',
  done: 'Шилжүүлгийн тохиргоо хадгалагдлаа.',
  skipsHeading: 'Төлбөр аваагүй хөтлөгчид',
  skipsHint:
    'Эдгээр хөтлөгч шилжүүлэг хийх үед холбогдсон дансгүй байсан: тэдний шимтгэл таны данс руу орсон тул тэдэнтэй өөрөө тооцоо хийнэ үү.',
  skip: 'Захиалга #{number}: {host}, {amount}',
  hostHeading: 'Таны Stripe холбогдсон данс',
  hostDescription: 'Stripe Connect-ээр төлбөр шилжүүлдэг брэндүүд төлөгдсөн захиалга бүрээс таны шимтгэлийг энэ данс руу шилжүүлнэ.',
  hostAccountHint: 'acct_-ээр эхэлнэ. Устгах бол хоосон орхиод хадгална уу.',
  hostSave: 'Данс хадгалах',
  hostDone: 'Таны холбогдсон данс хадгалагдлаа.',
};
