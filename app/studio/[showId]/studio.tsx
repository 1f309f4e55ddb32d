'use client';

import type { ShowSummary } from '@/server/domain/shows';
import { useI18n } from '@/app/_i18n/client';
import type { CaptureKind } from '../../_lib/media-devices';
import { useShowChannel } from '../../shows/[showId]/use-show-channel';
import { CameraPreview } from './camera-preview';
import { ChatSection } from './chat-section';
import { useConfirm } from './confirm-dialog';
import { ConnectionPanel } from './connection-panel';
import { DealControls } from './deal-form';
import { DevicePanel } from './device-panel';
import { FiguresPanel } from './figures-panel';
import { LineupPanel } from './lineup-panel';
import { ShowControls } from './show-controls';
import { useCaptureDevices } from './use-capture-devices';
import { usePublisher } from './use-publisher';
import { useSales } from './use-sales';
import { useStudioActions } from './use-studio-actions';
import { useUplinkQuality } from './use-uplink-quality';

/**
 * The host's studio: camera and microphone, going live, the connection, live
 * figures, flash deals, the lineup and the chat. State lives in hooks here;
 * the panels only draw it.
 */
export function Studio({ show }: { show: ShowSummary }) {
  const { t } = useI18n();
  // useSales must follow useShowChannel in this component: it needs the socket that hook's effect opens.
  const { state, socketRef, socket } = useShowChannel(show.id, show.status);
  const sales = useSales(socket, show.id);
  const live = state.status === 'LIVE';
  const onAir = state.status === 'SCHEDULED' || live;
  const capture = useCaptureDevices(onAir);
  const sending = usePublisher({ socketRef, showId: show.id, stream: capture.stream, live, isHost: state.role === 'host', connection: state.connection, mediaEpoch: state.mediaEpoch });
  const uplink = useUplinkQuality(sending.publisher);
  const { ask, dialog } = useConfirm();
  const actions = useStudioActions(socketRef, show.id, ask);
  const chooseDevice = (kind: CaptureKind, deviceId: string) => void capture.choose(kind, deviceId, sending.swapTrack);
  const currency = state.lineup[0]?.variants[0]?.currency ?? null;

  return (
    <main aria-label={t('studio.region')} className="mx-auto grid max-w-6xl gap-4 p-4 lg:grid-cols-[minmax(0,1fr)_24rem]">
      <div className="space-y-4">
        <section aria-labelledby="studio-title" className="space-y-3">
          <CameraPreview stream={capture.stream} phase={capture.phase} status={state.status} viewerCount={state.viewerCount} mediaState={sending.mediaState} />
          {actions.error && (
            <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
              {actions.error}
            </p>
          )}
          <h1 id="studio-title" className="text-xl font-bold">
            {show.title}
          </h1>
          <ShowControls
            status={state.status}
            connection={state.connection}
            cameraReady={capture.phase === 'ready'}
            joinFailed={state.joinError !== null}
            publishFailed={sending.failed}
            onGoLive={() => void actions.goLive()}
            onEndShow={() => void actions.endShow()}
            onRetryVideo={sending.retry}
          />
        </section>
        <DevicePanel
          stream={capture.stream}
          phase={capture.phase}
          error={capture.error}
          switching={capture.switching}
          switchFailed={capture.switchFailed}
          cameras={capture.cameras}
          microphones={capture.microphones}
          cameraId={capture.cameraId}
          microphoneId={capture.microphoneId}
          onChoose={chooseDevice}
          onRetry={capture.retry}
        />
        <ConnectionPanel live={live} sending={sending.publisher !== null} summary={uplink} socket={state.connection} />
      </div>
      <aside className="space-y-4">
        <FiguresPanel viewerCount={state.viewerCount} sales={sales} currency={currency} />
        <section aria-labelledby="deal-heading" className="rounded-2xl bg-white p-4 shadow-sm">
          <h2 id="deal-heading" className="mb-2 font-semibold">
            {t('studio.deal.heading')}
          </h2>
          {live ? (
            <DealControls pinned={state.pinned} deal={state.deal} onStart={actions.startDeal} onEnd={actions.endDeal} />
          ) : (
            <p className="text-sm text-neutral-600">{t('studio.deal.offAir')}</p>
          )}
        </section>
        <LineupPanel lineup={state.lineup} pinnedId={state.pinned?.id ?? null} live={live} loading={state.connection !== 'connected' && state.lineup.length === 0} onPin={actions.pin} onUnpin={actions.unpin} />
        <ChatSection messages={state.chat} pinnedMessage={state.pinnedMessage} slowModeSeconds={state.slowModeSeconds} actions={actions.chat} onSlowMode={actions.setSlowMode} />
      </aside>
      {dialog}
    </main>
  );
}
