// The local mailbox (laptop mode, no SMTP) and the unsubscribe confirmation.
export const mailbox = {
  list: {
    title: 'Local mailbox',
    description:
      'Email is not sent anywhere because SMTP_URL is not set: every message the app would send is kept here instead. Only requests from this machine can open this page; set SMTP_URL on a real server.',
    recipient: 'Recipient',
    filter: 'Filter',
    showAll: 'Show all',
    emptyTitle: 'No email yet',
    emptyTitleTo: 'No email to {to} yet',
    emptyBody: 'Sign-in links, invitations and show reminders appear here as soon as they are sent.',
    subject: 'Subject',
    to: 'To',
    kind: 'Kind',
    time: 'Time (UTC)',
  },
  status: { SENDING: 'sending', SENT: 'sent', FAILED: 'failed' },
  email: {
    title: 'Email',
    from: 'From',
    links: 'Links in this email',
    asSeen: 'As the recipient sees it',
    frameTitle: 'Email: {subject}',
    plainText: 'Plain text',
  },
  unsubscribe: {
    title: 'Unsubscribe',
    stop: 'Stop these emails to {email}:',
    submit: 'Turn these emails off',
    pending: 'Turning off…',
    done: 'Done — you will not get these emails any more.',
    incomplete: 'This unsubscribe link is not complete. Open it again from the email.',
    invalid: 'This unsubscribe link is not valid. Open it again from the email, or change your settings on your account page.',
    settings: 'You can change every kind of email in your {link}.',
    settingsLink: 'email settings',
  },
} as const;
