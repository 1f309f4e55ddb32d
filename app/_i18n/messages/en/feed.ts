// The phone swipe feed of live shows (/live).
export const feed = {
  title: 'Live shows',
  label: 'Live shows: swipe up for the next one, or use the arrow keys',
  slide: 'Show {index} of {count, number}: {title}',
  byline: '{host} with {brand}',
  next: 'Next show',
  previous: 'Previous show',
  openShow: 'Open the show',
  empty: 'No show is live right now.',
  comingUp: 'Coming up',
  comingUpHint: 'Open one and tap Remind me: we tell you when it goes live.',
  backHome: 'Home',
  swipeThrough: 'Swipe through live shows',
  recentChat: 'Recent chat',
} as const;
