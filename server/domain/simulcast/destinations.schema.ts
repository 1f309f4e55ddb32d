import { z } from 'zod';

export const SIMULCAST_PLATFORMS = ['youtube', 'facebook', 'tiktok', 'custom'] as const;
export type SimulcastPlatform = (typeof SIMULCAST_PLATFORMS)[number];

/** At most this many destinations per show: each one costs an encoder on the server. */
export const MAX_DESTINATIONS_PER_SHOW = 5;

/** rtmp:// or rtmps://, a host, no credentials or fragment: the key goes in its own field, sealed. */
export function isIngestUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === 'rtmp:' || url.protocol === 'rtmps:') && url.hostname !== '' && !url.username && !url.password && !url.hash;
}

export const ingestUrlSchema = z.string().trim().max(300, 'SIMULCAST_URL_RULE').refine(isIngestUrl, 'SIMULCAST_URL_RULE');

// Platforms' keys are opaque tokens (TikTok's carries a query string): anything printable without spaces.
export const streamKeySchema = z
  .string()
  .trim()
  .min(4, 'SIMULCAST_KEY_RULE')
  .max(512, 'SIMULCAST_KEY_RULE')
  .regex(/^[\x21-\x7e]+$/, 'SIMULCAST_KEY_RULE');

export const addDestinationSchema = z.object({
  platform: z.enum(SIMULCAST_PLATFORMS),
  ingestUrl: ingestUrlSchema,
  streamKey: streamKeySchema,
});
export type AddDestinationInput = z.infer<typeof addDestinationSchema>;
