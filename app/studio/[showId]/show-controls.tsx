'use client';

import { useI18n } from '@/app/_i18n/client';
import type { ShowStatus } from '@/server/domain/shows';
import { primaryButtonClass, secondaryButtonClass } from '../../_components/ui';
import type { ConnectionState } from '../../shows/[showId]/use-show-channel';

interface ShowControlsProps {
  status: ShowStatus;
  connection: ConnectionState;
  cameraReady: boolean;
  joinFailed: boolean;
  publishFailed: boolean;
  onGoLive: () => void;
  onEndShow: () => void;
  onRetryVideo: () => void;
}

/** Go live, End show, and in plain words why Go live cannot be pressed yet or what happened. */
export function ShowControls({
  status,
  connection,
  cameraReady,
  joinFailed,
  publishFailed,
  onGoLive,
  onEndShow,
  onRetryVideo,
}: ShowControlsProps) {
  const { t } = useI18n();
  const connected = connection === 'connected';

  if (joinFailed) {
    return (
      <div role="alert" className="space-y-2 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
        <p>{t('studio.joinFailed')}</p>
        <button type="button" onClick={() => window.location.reload()} className={secondaryButtonClass}>
          {t('studio.reload')}
        </button>
      </div>
    );
  }

  switch (status) {
    case 'SCHEDULED': {
      const waiting = !connected ? t('studio.waitConnection') : !cameraReady ? t('studio.waitCamera') : null;
      return (
        <div className="space-y-2">
          <button
            type="button"
            onClick={onGoLive}
            disabled={waiting !== null}
            aria-describedby={waiting ? 'go-live-wait' : undefined}
            className={`${primaryButtonClass} px-6 py-3`}
          >
            {t('studio.goLive')}
          </button>
          {waiting && (
            <p id="go-live-wait" className="text-sm text-neutral-600">
              {waiting}
            </p>
          )}
        </div>
      );
    }
    case 'LIVE':
      return (
        <div className="space-y-2">
          {publishFailed && (
            <div role="alert" className="space-y-2 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
              <p>{t('studio.publishFailed')}</p>
              <button type="button" onClick={onRetryVideo} className={secondaryButtonClass}>
                {t('studio.retryVideo')}
              </button>
            </div>
          )}
          <button type="button" onClick={onEndShow} className={`${secondaryButtonClass} px-6 py-3`}>
            {t('studio.endShow')}
          </button>
        </div>
      );
    case 'ENDED':
      return <p className="rounded-lg bg-neutral-100 px-3 py-2 text-sm">{t('studio.showEnded')}</p>;
    case 'CANCELLED':
      return <p className="rounded-lg bg-neutral-100 px-3 py-2 text-sm">{t('studio.showCancelled')}</p>;
    default: {
      const unreachable: never = status;
      return unreachable;
    }
  }
}
