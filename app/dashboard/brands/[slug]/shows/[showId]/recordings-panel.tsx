import { getI18n } from '@/app/_i18n/server';
import type { RecordingSummary } from '@/server/domain/recordings';
import { deleteRecordingAction } from './recording-actions';

const STATUS_KEY = {
  RECORDING: 'dashboard.recordings.status.recording',
  READY: 'dashboard.recordings.status.ready',
  FAILED: 'dashboard.recordings.status.failed',
} as const;

/** The show's recordings, each with its length and size, and Delete once it is no longer being written. */
export async function RecordingsPanel({ slug, showId, recordings }: { slug: string; showId: string; recordings: RecordingSummary[] }) {
  const { t, format } = await getI18n();
  if (recordings.length === 0) return <p className="text-sm text-neutral-600">{t('dashboard.recordings.none')}</p>;
  return (
    <ul className="space-y-2">
      {recordings.map((recording) => (
        <li key={recording.id} data-testid="recording" className="flex items-center justify-between gap-3 text-sm">
          <span>
            {t(STATUS_KEY[recording.status])} ·{' '}
            {t('dashboard.recordings.minutes', { minutes: format.number(recording.durationMs / 60_000, { maximumFractionDigits: 1 }) })} ·{' '}
            {t('dashboard.recordings.megabytes', { megabytes: format.number(recording.bytes / 1_000_000, { maximumFractionDigits: 1 }) })}
          </span>
          {recording.status !== 'RECORDING' && (
            <form action={deleteRecordingAction.bind(null, slug, showId, recording.id)}>
              <button type="submit" className="font-semibold text-red-700 underline">
                {t('dashboard.recordings.delete')}
              </button>
            </form>
          )}
        </li>
      ))}
    </ul>
  );
}
