import { addDestination, listDestinations, removeDestination, setDestinationEnabled, type DestinationView } from '../domain/simulcast';
import { AppError } from '../domain/errors';
import type { HandlerRegistrar } from './handler';
import { requireUser, type ConnectionContext } from './context';
import {
  showRefSchema,
  simulcastAddSchema,
  simulcastDestinationSchema,
  simulcastEnableSchema,
  type SimulcastDestination,
} from './protocol';

/** The studio's destinations: the domain decides who may and what is valid; the node's pusher follows each change. */
export function registerSimulcastHandlers(on: HandlerRegistrar, ctx: ConnectionContext): void {
  const { socket, db, simulcast } = ctx;
  const withStatus = (showId: string, views: DestinationView[]): SimulcastDestination[] => {
    const statuses = new Map((simulcast?.service.statuses(showId) ?? []).map((s) => [s.destinationId, s]));
    return views.map((view) => {
      const status = statuses.get(view.id);
      return { ...view, state: status?.state ?? 'idle', error: status?.error ?? null, retryAt: status?.retryAt ?? null };
    });
  };
  const follow = (showId: string) => void simulcast?.service.sync(showId);

  on.on('simulcast:list', showRefSchema, async ({ showId }) => {
    return { destinations: withStatus(showId, await listDestinations(db, requireUser(socket), showId)) };
  });

  on.on('simulcast:add', simulcastAddSchema, async ({ showId, ...input }) => {
    if (!simulcast) throw new AppError('INTERNAL', 'simulcast is not configured on this node');
    const view = await addDestination(db, simulcast.key, requireUser(socket), showId, input);
    follow(showId);
    return { destination: withStatus(showId, [view])[0]! };
  });

  on.on('simulcast:remove', simulcastDestinationSchema, async ({ showId, destinationId }) => {
    await removeDestination(db, requireUser(socket), showId, destinationId);
    follow(showId);
    return {};
  });

  on.on('simulcast:setEnabled', simulcastEnableSchema, async ({ showId, destinationId, enabled }) => {
    const view = await setDestinationEnabled(db, requireUser(socket), showId, destinationId, enabled);
    follow(showId);
    return { destination: withStatus(showId, [view])[0]! };
  });
}
