import { DEMO_EMAILS, DEMO_PASSWORD } from './db/seed';

export interface WelcomeFacts {
  /** The address people open (PUBLIC_URL). */
  publicUrl: string;
  /** The demo data is in the database: its accounts can sign in. */
  demoSeeded: boolean;
  /** Sign-in links are readable at /mailbox on this machine. */
  localMailbox: boolean;
  color: boolean;
}

/**
 * The first screen a person sees after `npm start`: where to go and who to sign in
 * as. Without it the address and the demo accounts are only in the README.
 */
export function welcomeScreen({ publicUrl, demoSeeded, localMailbox, color }: WelcomeFacts): string {
  const bold = (text: string) => (color ? `\u001b[1m${text}\u001b[22m` : text);
  const cyan = (text: string) => (color ? `\u001b[36m${text}\u001b[39m` : text);
  const base = publicUrl.replace(/\/$/, '');
  const lines = ['', `  ${bold('Live Commerce is up:')} ${cyan(base)}`, ''];
  if (demoSeeded) {
    const account = (email: string, role: string) => `    ${email.padEnd(20)} ${role}`;
    lines.push(
      `  Demo accounts, password ${bold(DEMO_PASSWORD)}:`,
      account(DEMO_EMAILS.host, 'hosts "Glow Up Live": open the show, then Open studio'),
      account(DEMO_EMAILS.viewer, `a viewer with a saved address and test card (also ${DEMO_EMAILS.viewer2})`),
      account(DEMO_EMAILS.brand, 'owns the brand Lumen Beauty'),
      '',
    );
  }
  if (localMailbox) lines.push(`  Emails and sign-in links: ${cyan(`${base}/mailbox`)}`);
  lines.push('  Stop with Ctrl+C.', '');
  return lines.join('\n');
}
