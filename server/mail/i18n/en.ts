// The words of the order emails. Functions, not templates: each language puts
// the names and numbers where its grammar wants them.
export const en = {
  greeting: (name: string) => (name ? `Hi ${name},` : 'Hi there,'),
  receiptSubject: (n: string) => `Your receipt for order #${n}`,
  receiptIntro: (brand: string) => `Thank you for your order from ${brand}. We have your payment, and we will email you again when it ships.`,
  subtotal: 'Subtotal',
  shipping: 'Shipping',
  free: 'free',
  discount: 'Discount',
  totalPaid: 'Total paid',
  shippingTo: 'Shipping to:',
  followHere: 'Follow your order here:',
  followInAccount: 'You can follow it under “Your orders” in your account.',
  orderLink: (n: string) => `Order #${n}`,
  shippedSubject: (n: string) => `Order #${n} has shipped`,
  shippedIntro: (brand: string, n: string) => `Good news: ${brand} has shipped order #${n}.`,
  carrier: 'Carrier',
  trackingNumber: 'Tracking number',
  trackHere: 'Track your order here:',
  trackLink: (n: string) => `Track order #${n}`,
};

export type EmailWords = typeof en;
