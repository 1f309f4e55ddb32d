import { z } from 'zod';

export const GIVEAWAY_ELIGIBILITY = ['ANYONE', 'FOLLOWERS', 'BUYERS'] as const;
export type GiveawayEligibility = (typeof GIVEAWAY_ELIGIBILITY)[number];

/** One word of letters or digits in any script (a chat message containing it as a word enters). */
export const giveawayKeywordSchema = z
  .string()
  .trim()
  .regex(/^[\p{L}\p{M}\p{N}]{2,24}$/u);

export const giveawayStartInputSchema = z
  .object({
    prizeText: z.string().trim().max(120).nullish(),
    prizeVariantId: z.string().min(1).max(64).nullish(),
    eligibility: z.enum(GIVEAWAY_ELIGIBILITY),
    keyword: giveawayKeywordSchema.nullish(),
    winnerCount: z.number().int().min(1).max(10),
    durationSeconds: z.number().int().min(15).max(3600),
  })
  .strict();
export type GiveawayStartInput = z.infer<typeof giveawayStartInputSchema>;
