export const privacy = {
  download: {
    title: 'Your data',
    description:
      'Download a copy of everything we hold about you as one JSON file: your profile, addresses, cards (brand and last four digits), orders, chat messages, follows, support conversations, consents and settings.',
    button: 'Download my data (JSON)',
    limit: 'At most {count} downloads an hour.',
  },
  delete: {
    password: 'Your password',
  },
} as const;
