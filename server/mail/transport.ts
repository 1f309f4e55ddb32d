import nodemailer from 'nodemailer';
import type { Env } from '../env';

export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

export type MailTransportName = 'smtp' | 'outbox';

export interface MailTransport {
  readonly name: MailTransportName;
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/**
 * SMTP when SMTP_URL is set; otherwise the stored EmailMessage row is the
 * delivery, read on the local /mailbox page.
 */
export function createMailTransport(env: Pick<Env, 'SMTP_URL'>): MailTransport {
  return env.SMTP_URL ? smtpTransport(env.SMTP_URL) : outboxTransport;
}

const outboxTransport: MailTransport = {
  name: 'outbox',
  async send() {},
  close() {},
};

function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    name: 'smtp',
    async send(message) {
      await transporter.sendMail(message);
    },
    close() {
      transporter.close();
    },
  };
}

/** Whether this node keeps mail in the local outbox (and so serves /mailbox). */
export function usesOutbox(env: Pick<Env, 'SMTP_URL'>): boolean {
  return !env.SMTP_URL;
}
