'use client';

import { useEffect, useState } from 'react';
import type { ShowSummary } from '@/server/domain/shows';
import { useI18n } from '@/app/_i18n/client';
import type { CaptureKind } from '../../_lib/media-devices';
import { useShowChannel } from '../../shows/[showId]/use-show-channel';
import { CameraPreview } from './camera-preview';
import { ChatSection } from './chat-section';
import { useConfirm } from './confirm-dialog';
import { ConnectionPanel } from './connection-panel';
import { AuctionControls } from './auction-form';
import { DealControls } from './deal-form';
import { DevicePanel } from './device-panel';
import { EndSummary, type SummaryLinks } from './end-summary';
import { EngagementStudio } from './engagement-studio';
import { FiguresPanel } from './figures-panel';
import { LineupPanel } from './lineup-panel';
import { ShowControls } from './show-controls';
import { StagePanel, useStage } from './stage-panel';
import { SimulcastPanel } from './simulcast-panel';
import { AssistantSwitch } from './assistant-switch';
import { ScrollColumn } from './scroll-column';
import { RehearsalControls } from './rehearsal-controls';
import { useCaptureDevices } from './use-capture-devices';
import { usePublisher } from './use-publisher';
import { ReactionsStrip, useReactionTally } from './studio-reactions';
import { useStudioFigures } from './use-studio-figures';
import { useStudioActions } from './use-studio-actions';
import { useUplinkQuality } from './use-uplink-quality';

/**
 * The host's studio: camera and microphone, going live, the connection, live
 * figures, reactions, flash deals, the lineup and the chat. State lives in hooks
 * here; the panels only draw it. On a wide screen it is three columns that each
 * fit the window (camera and controls, lineup and deal, chat), so nothing the
 * host needs mid-show sits below the fold. Once the show has ended the studio
 * becomes its summary: no pins, no deals.
 */
export function Studio({ show, links, assistantEnabled = false }: { show: ShowSummary; links: SummaryLinks; assistantEnabled?: boolean }) {
  const { t } = useI18n();
  // These hooks must follow useShowChannel in this component: they need the socket that hook's effect opens.
  const { state, socketRef, socket } = useShowChannel(show.id, show.status);
  const { figures, failed: figuresFailed } = useStudioFigures(socket, show.id, state.connection, state.status);
  const reactions = useReactionTally(socket, show.id);
  const live = state.status === 'LIVE';
  const [rehearsal, setRehearsal] = useState(false);
  const rehearsing = rehearsal && state.status === 'SCHEDULED';
  const ended = state.status === 'ENDED' || state.status === 'CANCELLED';
  const onAir = state.status === 'SCHEDULED' || live;
  const capture = useCaptureDevices(onAir);
  const sending = usePublisher({
    socketRef,
    showId: show.id,
    stream: capture.stream,
    // A rehearsal sends like a live show: the staff watching it on the show page see the camera.
    live: live || rehearsing,
    isHost: state.role === 'host',
    connection: state.connection,
    mediaEpoch: state.mediaEpoch,
  });
  const uplink = useUplinkQuality(sending.publisher);
  const { ask, dialog } = useConfirm();
  const actions = useStudioActions(socketRef, show.id, ask);
  const stage = useStage(socket, show.id, state.connection === 'connected');
  const chooseDevice = (kind: CaptureKind, deviceId: string) => void capture.choose(kind, deviceId, sending.swapTrack);
  const currency = state.lineup[0]?.variants[0]?.currency ?? null;
  const endedAt = useEndedAt(show.endedAt, state.status);
  const column = 'min-h-0 space-y-4 xl:overflow-y-auto xl:pb-1';

  return (
    <main
      aria-label={t('studio.region')}
      data-testid="studio"
      // 3.5rem is the site header: below it each column scrolls on its own, never the page.
      className="mx-auto grid max-w-[100rem] gap-4 p-4 lg:grid-cols-[minmax(0,1fr)_22rem] xl:h-[calc(100dvh-3.5rem)] xl:grid-cols-[minmax(0,1fr)_22rem_24rem] xl:grid-rows-[minmax(0,1fr)]"
    >
      <ScrollColumn label={t('studio.columns.show')} className={column}>
        <section aria-labelledby="studio-title" className="space-y-3">
          {ended ? (
            <>
              <h1 id="studio-title" className="text-xl font-bold">
                {show.title}
              </h1>
              <EndSummary
                cancelled={state.status === 'CANCELLED'}
                startedAt={state.startedAt ?? show.startedAt}
                endedAt={endedAt}
                figures={figures}
                failed={figuresFailed}
                links={links}
              />
            </>
          ) : (
            <CameraPreview
              stream={capture.stream}
              phase={capture.phase}
              status={state.status}
              viewerCount={state.viewerCount}
              mediaState={sending.mediaState}
            />
          )}
          {actions.error && (
            <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
              {actions.error}
            </p>
          )}
          {!ended && (
            <div className="flex flex-wrap items-start justify-between gap-3">
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
              {state.status === 'SCHEDULED' && (
                <RehearsalControls
                  socketRef={socketRef}
                  showId={show.id}
                  rehearsing={rehearsing}
                  connected={state.connection === 'connected'}
                  onChange={setRehearsal}
                />
              )}
            </div>
          )}
        </section>
        {!ended && <StagePanel controls={stage} live={live} watching={state.viewerCount} />}
        {!ended && <ReactionsStrip tally={reactions} />}
        {!ended && <FiguresPanel viewerCount={state.viewerCount} figures={figures} failed={figuresFailed} currency={currency} />}
        {!ended && (
          <EngagementStudio showId={show.id} engagement={state.engagement} lineup={state.lineup} live={live} socketRef={socketRef} />
        )}
        {!ended && (
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
        )}
        {!ended && <ConnectionPanel live={live} sending={sending.publisher !== null} summary={uplink} socket={state.connection} />}
        {!ended && state.role === 'host' && (
          <SimulcastPanel showId={show.id} live={live} socketRef={socketRef} connection={state.connection} />
        )}
        {!ended && <AssistantSwitch showId={show.id} socket={socket} initiallyEnabled={assistantEnabled} />}
      </ScrollColumn>
      <ScrollColumn label={t('studio.columns.sell')} className={`${column} xl:flex xl:flex-col xl:space-y-0 xl:gap-4`}>
        {!ended && (
          <section aria-labelledby="deal-heading" className="shrink-0 rounded-2xl bg-white p-4 shadow-sm">
            <h2 id="deal-heading" className="mb-2 font-semibold">
              {t('studio.deal.heading')}
            </h2>
            {live ? (
              <DealControls pinned={state.pinned} deal={state.deal} onStart={actions.startDeal} onEnd={actions.endDeal} />
            ) : (
              <p className="text-sm text-neutral-600">{t('studio.deal.offAir')}</p>
            )}
          </section>
        )}
        {!ended && (
          <section aria-labelledby="auction-heading" className="shrink-0 rounded-2xl bg-white p-4 shadow-sm">
            <h2 id="auction-heading" className="mb-2 font-semibold">
              {t('studio.auction.heading')}
            </h2>
            {live ? (
              <AuctionControls
                lineup={state.lineup}
                auction={state.auction}
                onStart={actions.startAuction}
                onCancel={actions.cancelAuction}
              />
            ) : (
              <p className="text-sm text-neutral-600">{t('studio.auction.offAir')}</p>
            )}
          </section>
        )}
        <LineupPanel
          lineup={state.lineup}
          pinnedId={ended ? null : (state.pinned?.id ?? null)}
          live={live || rehearsing}
          ended={ended}
          loading={state.connection !== 'connected' && state.lineup.length === 0}
          onPin={actions.pin}
          onUnpin={actions.unpin}
        />
      </ScrollColumn>
      <div className="min-h-0 lg:col-span-2 xl:col-span-1">
        <ChatSection
          messages={state.chat}
          pinnedMessage={state.pinnedMessage}
          slowModeSeconds={state.slowModeSeconds}
          actions={live ? { ...actions.chat, inviteToStage: (userId: string) => stage.invite({ userId }) } : actions.chat}
          onSlowMode={actions.setSlowMode}
        />
      </div>
      {dialog}
    </main>
  );
}

/** When the show ended: the database's time after a reload, else the moment this studio saw it end. */
function useEndedAt(serverEndedAt: string | null, status: ShowSummary['status']): string | null {
  const [seen, setSeen] = useState<string | null>(null);
  useEffect(() => {
    if (status === 'ENDED' && !serverEndedAt) setSeen((current) => current ?? new Date().toISOString());
  }, [status, serverEndedAt]);
  return serverEndedAt ?? seen;
}
