import { account } from './account';
import { assistant } from './assistant';
import { assistantAnswers } from './assistant-answers';
import { auth } from './auth';
import { chat } from './chat';
import { common } from './common';
import { dashboard } from './dashboard';
import { discovery } from './discovery';
import { feed } from './feed';
import { email } from './email';
import { embed } from './embed';
import { engage } from './engage';
import { errors } from './errors';
import { commerce } from './commerce';
import { mailbox } from './mailbox';
import { orders } from './orders';
import { studio } from './studio';
import { support } from './support';
import { viewer } from './viewer';
import { payments } from './payments';
import { campaigns } from './campaigns';
import { privacy } from './privacy';
import { qrRefund } from './qr-refund';
import { qrOneTap } from './qr-one-tap';
import { bankCheck } from './bank-check';
import { payoutFailures } from './payout-failures';
import { reviews } from './reviews';
import type { Messages } from '../types';
import { report } from './report';
import { push } from './push';
import { connect } from './connect';

export const mn: Messages = {
  common,
  errors,
  chat,
  viewer,
  studio,
  discovery,
  auth,
  account,
  dashboard,
  mailbox,
  orders,
  commerce,
  feed,
  email,
  engage,
  embed,
  assistant,
  assistantAnswers,
  support,
  payments,
  campaigns,
  privacy,
  qrRefund,
  qrOneTap,
  bankCheck,
  payoutFailures,
  reviews,
  report,
  push,
  connect,
};
