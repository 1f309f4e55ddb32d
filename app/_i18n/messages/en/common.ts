export const common = {
  appName: 'Live Commerce',
  description: 'Watch live shopping shows, chat with hosts and buy in one tap.',
  skipToContent: 'Skip to content',
  nav: {
    main: 'Main',
    search: 'Search',
    dashboard: 'Dashboard',
    account: 'Account',
    signIn: 'Sign in',
    signOut: 'Sign out',
    language: 'Language',
  },
  loading: 'Loading…',
  save: 'Save',
  cancel: 'Cancel',
  close: 'Close',
  tryAgain: 'Try again',
} as const;
