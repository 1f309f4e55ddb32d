import { invalidField } from '../errors';
import { supportMessageSchema } from './support-schema';

export function parseBody(body: string): string {
  const parsed = supportMessageSchema.safeParse(body);
  if (!parsed.success) throw invalidField(parsed.error.issues);
  return parsed.data;
}
