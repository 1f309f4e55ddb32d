import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

// The one message between nodes: an edge asks the origin to pipe a show to it.
// mediasoup checks the structure of RTP and SRTP parameters itself; the
// schemas only bound what crosses the wire.

const srtpParametersSchema = z.object({
  cryptoSuite: z.enum(['AEAD_AES_256_GCM', 'AEAD_AES_128_GCM', 'AES_CM_128_HMAC_SHA1_80', 'AES_CM_128_HMAC_SHA1_32']),
  keyBase64: z.string().min(1).max(200),
});

const ipSchema = z.union([z.ipv4(), z.ipv6()]);

export const pipeRequestSchema = z.object({
  showId: z.string().min(1).max(100),
  /** The origin's pipe this edge already holds; absent to open a new one. */
  pipeId: z.uuid().optional(),
  ip: ipSchema,
  port: z.number().int().min(1).max(65535),
  srtpParameters: srtpParametersSchema,
});
export type PipeRequest = z.infer<typeof pipeRequestSchema>;

export const pipeAnswerSchema = z.object({
  pipeId: z.uuid(),
  ip: ipSchema,
  port: z.number().int().min(1).max(65535),
  srtpParameters: srtpParametersSchema,
  producers: z
    .array(
      z.object({
        id: z.uuid(),
        kind: z.enum(['audio', 'video']),
        rtpParameters: z.record(z.string(), z.unknown()),
        paused: z.boolean(),
        // Whose stream it is (the host's or a guest's on stage), so edge viewers tell them apart.
        publisher: z.object({ userId: z.string().min(1).max(64), guest: z.boolean() }).nullish(),
      }),
    )
    .max(16),
});
export type PipeAnswer = z.infer<typeof pipeAnswerSchema>;

/** Why an origin did not pipe: not (or no longer) the show's origin, or it forgot the pipe (its worker died). */
export type PipeRefusal = 'NOT_ORIGIN' | 'UNKNOWN_PIPE';

export function bearer(secret: string): string {
  return `Bearer ${secret}`;
}

/** Constant-time, whatever the lengths: both sides are hashed to 32 bytes first. */
export function secretMatches(authorization: string | undefined, secret: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(authorization ?? ''), digest(bearer(secret)));
}
