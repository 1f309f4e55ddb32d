import type { Messages } from '../types';

// Connect payouts and reversals Stripe refused on every attempt (issue 21), on the brand's Payments page.
export const payoutFailures: Messages['payoutFailures'] = {
  heading: 'Stripe-ийн татгалзсан шилжүүлгүүд',
  explanation:
    'Stripe эдгээр шилжүүлгийг хэд хэдэн удаа татгалзсан тул бид оролдохоо зогсоосон. Буцаалт нь мөнгө буцаасан захиалгын хувийг холбогдсон данснаас буцааж авдаг; тэр дансны үлдэгдэл хүрэлцэхгүй үед Stripe татгалздаг. Шилжүүлэг нь захиалгын мөнгийг холбогдсон данс руу илгээдэг; платформын үлдэгдэлд мөнгө хараахан ороогүй эсвэл данс шилжүүлэг хүлээн авах боломжгүй үед Stripe татгалздаг. Шалтгааныг Stripe дээр засаад дахин оролдоно уу.',
  payout: '#{number} захиалгын шилжүүлэг',
  reversal: '#{number} захиалгын буцаалт',
  step: '{amount} → {account}',
  reversalStep: '{amount}, {account} данснаас',
  nothingOwed: 'Өр үлдээгүй: дахин оролдвол хаагдана.',
  stripeSaid: 'Stripe-ийн хариу: {error}',
  failedAt: '{time}-д оролдохоо зогсоосон',
  tryAgain: 'Дахин оролдох',
  queued: 'Дараалалд орлоо: удахгүй дахин ажиллана. Үр дүнг харахын тулд хуудсаа дахин ачаална уу.',
  alreadyQueued: 'Аль хэдийн дараалалд орсон байна.',
};
