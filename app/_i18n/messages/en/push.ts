// Web push: what a notification on a phone or computer says, and the settings that turn it on (issue 20).
export const push = {
  live: { title: '{host} is live', body: '{title}' },
  reminder: { title: '{host} goes live in {count, plural, one {# minute} other {# minutes}}', body: '{title}' },
  outbid: { title: 'You were outbid', body: 'Someone bid more for {product}. Bid again before the auction ends.' },
  order: {
    PACKED: { title: 'Order #{number} is packed', body: '{brand} packed your order.' },
    SHIPPED: { title: 'Order #{number} is on its way', body: '{brand} sent your order.' },
    DELIVERED: { title: 'Order #{number} was delivered', body: 'Your order from {brand} arrived.' },
  },
  settings: {
    heading: 'Notifications on this device',
    description: 'Get an alert on this phone or computer, even when the site is closed.',
    turnOn: 'Turn on notifications',
    turnOff: 'Turn off on this device',
    working: 'One moment…',
    on: 'Notifications are on for this device.',
    off: 'Notifications are off for this device.',
    denied: 'Your browser blocks notifications from this site. Allow them in the browser’s site settings, then try again.',
    unsupported: 'This browser cannot show notifications from websites. On an iPhone, add this site to the Home Screen first.',
    notConfigured: 'Notifications on this device are not available on this site yet.',
    failed: 'Notifications could not be turned on. Try again.',
    kindsLegend: 'Notify me about',
    kinds: {
      live: 'Shows going live',
      reminders: 'Reminders before shows',
      outbid: 'Being outbid in an auction',
      orders: 'Updates to my orders',
    },
    save: 'Save',
    saved: 'Saved.',
  },
};
