import { createHash } from 'node:crypto';

export type CampaignVariant = 'A' | 'B';

/**
 * Which subject a person gets: a hash of campaign and person, so the split is stable (a retried send
 * job gives everyone the same variant again) and independent between campaigns.
 */
export function variantFor(campaignId: string, userId: string, splitPercentB: number): CampaignVariant {
  if (splitPercentB <= 0) return 'A';
  if (splitPercentB >= 100) return 'B';
  const bucket = createHash('sha256').update(`${campaignId}\0${userId}`).digest().readUInt32BE(0) % 100;
  return bucket < splitPercentB ? 'B' : 'A';
}
