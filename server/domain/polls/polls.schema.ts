import { z } from 'zod';

const line = z.string().trim().min(1).max(120);
export const pollStartInputSchema = z.object({ question: line, options: z.array(z.string().trim().min(1).max(60)).min(2).max(4) }).strict();
export type PollStartInput = z.infer<typeof pollStartInputSchema>;
