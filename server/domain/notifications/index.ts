// Notifications: follows and reminders, notification preferences and consent, unsubscribe links,
// and the show reminder / go-live / change jobs and their emails.
//
// The module's public door: code outside server/domain/notifications/ imports from here, never from its
// inner files (eslint.config.mjs, "modules are used only through their index").
export {
  cancelReminder,
  followBrand,
  followHost,
  hasReminder,
  isFollowingBrand,
  isFollowingHost,
  remindMe,
  unfollowBrand,
  unfollowHost,
} from './follows';
export {
  consentPurpose,
  type ConsentSource,
  getNotificationPreferences,
  NOTIFICATION_TOPICS,
  type NotificationPreferences,
  type NotificationTopic,
  reminderLeadChoices,
  setNotificationPreferences,
} from './notification-preferences';
export { changedJob, liveJob, planRemindersJob, remindersJob } from './show-notification-jobs';
export { announceShowChange, announceShowLive, planUpcomingReminders, scheduleShowReminders } from './show-notifications';
export { previewUnsubscribe, unsubscribe, type UnsubscribePreview } from './unsubscribe';
