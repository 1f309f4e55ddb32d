import type { MessageKey, Translate } from '@/app/_i18n/translate';
import type { HostInviteStatus } from '@/server/domain/shows';
import type { ShowStatus } from '@/server/domain/shows';

const SHOW_STATUS: Record<ShowStatus, MessageKey> = {
  SCHEDULED: 'dashboard.showStatus.SCHEDULED',
  LIVE: 'dashboard.showStatus.LIVE',
  ENDED: 'dashboard.showStatus.ENDED',
  CANCELLED: 'dashboard.showStatus.CANCELLED',
};

const INVITE_STATUS: Record<HostInviteStatus, MessageKey> = {
  PENDING: 'dashboard.inviteStatus.PENDING',
  ACCEPTED: 'dashboard.inviteStatus.ACCEPTED',
  DECLINED: 'dashboard.inviteStatus.DECLINED',
};

export const showStatusLabel = (t: Translate, status: ShowStatus): string => t(SHOW_STATUS[status]);

export const inviteStatusLabel = (t: Translate, status: HostInviteStatus): string => t(INVITE_STATUS[status]);
