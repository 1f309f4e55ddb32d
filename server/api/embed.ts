import { z } from 'zod';

// The sites a brand lets embed its shows (docs/embed.md), as the public API reads and sets them.

export const apiEmbedOriginsSchema = z.object({
  origins: z
    .array(z.string())
    .describe('Origins (https://host[:port]) that may frame the embeddable player and receive its hand-off events.'),
});

export const embedOriginsBodySchema = z.object({
  origins: z
    .array(z.string().max(300))
    .max(100)
    .describe('The whole list, replacing the current one. Each entry is scheme, host and optional port; https only on a deployment.'),
});
