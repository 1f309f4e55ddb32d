import type { Messages } from '../types';

// A bank QR payment that could not be used and was paid back (issue 21): the buyer's email and the brand's "done" action.
export const qrRefund: Messages['qrRefund'] = {
  email: {
    subject: '#{number} захиалгын мөнгийг буцаан олголоо',
    body: '{brand} таны #{number} захиалгын {rail}-ээр хийсэн {amount} төлбөрийг ашиглах боломжгүй болсны дараа хүлээн авсан (кодын хугацаа дууссан, захиалга аль хэдийн төлөгдсөн эсвэл цуцлагдсан, эсвэл дүн таараагүй). Энэ мөнгийг танд буцааж олголоо.',
    reference: 'Буцаан олголтын дугаар: {reference}',
    bankDelay: 'Таны банк энэ мөнгийг харуулахад хэдэн өдөр шаардагдаж магадгүй.',
  },
  tasks: {
    intro:
      'Ашиглах боломжгүй болсон банкны QR кодын төлбөрүүдийг банк зөвшөөрвөл автоматаар буцаан олгоно, эс бөгөөс энд жагсааж та буцаан олгоно.',
    done: 'Буцаан олгосон гэж тэмдэглэх',
    referenceLabel: 'Таны буцаан олголтын дугаар (заавал биш)',
  },
};
