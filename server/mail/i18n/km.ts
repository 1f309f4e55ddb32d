import type { EmailWords } from './en';

export const km: EmailWords = {
  greeting: (name) => (name ? `សួស្តី ${name},` : 'សួស្តី,'),
  receiptSubject: (n) => `បង្កាន់ដៃសម្រាប់ការបញ្ជាទិញ #${n}`,
  receiptIntro: (brand) => `សូមអរគុណសម្រាប់ការបញ្ជាទិញពី ${brand}។ យើងបានទទួលការទូទាត់របស់អ្នកហើយ ហើយយើងនឹងផ្ញើអ៊ីមែលទៅអ្នកម្តងទៀតនៅពេលទំនិញត្រូវបានផ្ញើចេញ។`,
  subtotal: 'សរុបរង',
  shipping: 'ការដឹកជញ្ជូន',
  free: 'ឥតគិតថ្លៃ',
  discount: 'ការបញ្ចុះតម្លៃ',
  totalPaid: 'សរុបបានបង់',
  shippingTo: 'ដឹកជញ្ជូនទៅ៖',
  followHere: 'តាមដានការបញ្ជាទិញរបស់អ្នកនៅទីនេះ៖',
  followInAccount: 'អ្នកអាចតាមដានវានៅក្រោម «ការបញ្ជាទិញរបស់អ្នក» ក្នុងគណនីរបស់អ្នក។',
  orderLink: (n) => `ការបញ្ជាទិញ #${n}`,
  shippedSubject: (n) => `ការបញ្ជាទិញ #${n} ត្រូវបានផ្ញើចេញហើយ`,
  shippedIntro: (brand, n) => `ដំណឹងល្អ៖ ${brand} បានផ្ញើការបញ្ជាទិញ #${n} ចេញហើយ។`,
  carrier: 'ក្រុមហ៊ុនដឹកជញ្ជូន',
  trackingNumber: 'លេខតាមដាន',
  trackHere: 'តាមដានការបញ្ជាទិញរបស់អ្នកនៅទីនេះ៖',
  trackLink: (n) => `តាមដានការបញ្ជាទិញ #${n}`,
};
