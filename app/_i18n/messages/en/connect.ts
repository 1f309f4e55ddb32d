// Stripe Connect payouts (issue 21 item 1): a brand's connected account and switch, a host's own account.
export const connect = {
  heading: 'Payouts through Stripe Connect',
  description:
    'When this is on, each order paid by card through Stripe is transferred out once it is paid: each host with a connected account gets their commission, your connected account the rest.',
  account: 'Connected account id',
  accountHint: 'Starts with acct_. Leave blank to keep the saved one.',
  saved: 'Saved: {account}',
  none: 'No connected account yet.',
  enabled: 'Payouts through Stripe Connect',
  save: 'Save payouts',
  done: 'Payout settings saved.',
  skipsHeading: 'Hosts not paid out',
  skipsHint:
    'These hosts had no connected account when the order was paid out: their commission went to your account, settle it with them.',
  skip: 'Order #{number}: {host}, {amount}',
  hostHeading: 'Your Stripe connected account',
  hostDescription: 'Brands that pay out through Stripe Connect transfer your commission on each paid order to this account.',
  hostAccountHint: 'Starts with acct_. Leave blank and save to remove it.',
  hostSave: 'Save account',
  hostDone: 'Your connected account is saved.',
} as const;
