// Web push (issue 20 item 4): browsers' subscriptions and the kinds each person wants, who gets which
// notification, and sending one. The browser side is public/sw.js and app/account/notifications/push-settings.tsx.
//
// The module's public door: code outside server/domain/push/ imports from here, never from its inner files.
export { deliverPush } from './deliver';
export { fanOutPush, queuePush } from './fan-out';
export {
  countPushDevices,
  getPushPreferences,
  PUSH_KINDS,
  type PushKind,
  type PushPreferences,
  pushPreferencesSchema,
  pushSubscriptionSchema,
  pushUnsubscribeSchema,
  setPushPreferences,
  subscribePush,
  unsubscribePush,
} from './subscriptions';
export { pushAllowsHttp, pushOffNotice, vapidOf } from './vapid';
