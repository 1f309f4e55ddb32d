import type { HostInviteStatus } from '@/server/domain/scheduling-read';
import type { ShowStatus } from '@/server/domain/shows';

export function showStatusLabel(status: ShowStatus): string {
  switch (status) {
    case 'SCHEDULED':
      return 'Scheduled';
    case 'LIVE':
      return 'Live now';
    case 'ENDED':
      return 'Ended';
    case 'CANCELLED':
      return 'Cancelled';
    default: {
      const unreachable: never = status;
      return unreachable;
    }
  }
}

export function inviteStatusLabel(status: HostInviteStatus): string {
  switch (status) {
    case 'PENDING':
      return 'Host has not answered';
    case 'ACCEPTED':
      return 'Host accepted';
    case 'DECLINED':
      return 'Host declined';
    default: {
      const unreachable: never = status;
      return unreachable;
    }
  }
}
