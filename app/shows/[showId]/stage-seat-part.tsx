'use client';

import { onDemand } from './on-demand';

// The viewer's own seat on stage (invited, on stage) is the one on-demand part the player itself renders: apart
// from on-demand-parts.tsx, whose other parts belong to the shopping zone's chunk.
export const StageSeat = onDemand(() => import('./stage-seat').then((m) => m.StageSeat));
