import { z } from 'zod';

export const STAGE_LAYOUTS = ['SIDE_BY_SIDE', 'PICTURE_IN_PICTURE'] as const;
export const stageLayoutSchema = z.enum(STAGE_LAYOUTS);
export type StageLayout = z.infer<typeof stageLayoutSchema>;

/** The host and at most three guests: four faces still read on a phone's screen. */
export const MAX_ON_STAGE = 4;
export const MAX_GUESTS = MAX_ON_STAGE - 1;
