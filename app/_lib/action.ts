import { redirect } from 'next/navigation';
import { z } from 'zod';
import { currentUser, type SessionUser } from '@/server/auth/session';
import { englishMessage, issueParams, toErrorPayload, type ErrorParams, type ErrorPayload } from '@/server/domain/errors';

/**
 * What every server action returns to its form: the same `{ ok, error: { code } }`
 * shape as the socket protocol, plus per-field messages for zod failures.
 */
export type ActionState =
  | { ok: true; message?: string }
  | ({ ok: false; fieldErrors?: Record<string, string>; fieldParams?: Record<string, ErrorParams> } & ErrorPayload);

/** A failed parse as field errors (the keys the schema gave as messages) and the params each key needs. */
export function issueFields(
  issues: readonly z.core.$ZodIssue[],
  fieldOf: (path: readonly PropertyKey[]) => string = (path) => path.map(String).join('.'),
): { fieldErrors: Record<string, string>; fieldParams: Record<string, ErrorParams> } {
  const fieldErrors: Record<string, string> = {};
  const fieldParams: Record<string, ErrorParams> = {};
  for (const issue of issues) {
    const field = fieldOf(issue.path);
    if (field in fieldErrors) continue;
    fieldErrors[field] = issue.message;
    const params = issueParams(issue);
    if (params) fieldParams[field] = params;
  }
  return { fieldErrors, fieldParams };
}

/** The signed-in user of a page, or a redirect to sign-in that comes back here. */
export async function requirePageUser(returnTo: string): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/**
 * Runs a server action body: signed-in user, zod-parsed form, domain call,
 * and every failure mapped to a typed, safe ActionState. redirect() and
 * notFound() inside `run` still work (they are rethrown).
 */
export async function formAction<S extends z.ZodType>(
  schema: S,
  form: FormData | Record<string, unknown>,
  run: (input: z.infer<S>, user: SessionUser) => Promise<ActionState | void>,
): Promise<ActionState> {
  const user = await currentUser();
  if (!user) return { ok: false, code: 'UNAUTHENTICATED', message: englishMessage('UNAUTHENTICATED') };
  return publicFormAction(schema, form, (input) => run(input, user));
}

/** The same, for the few forms that work signed out (sign-up, sign-in links, unsubscribe). */
export async function publicFormAction<S extends z.ZodType>(
  schema: S,
  form: FormData | Record<string, unknown>,
  run: (input: z.infer<S>) => Promise<ActionState | void>,
): Promise<ActionState> {
  const raw = form instanceof FormData ? Object.fromEntries(form.entries()) : form;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, code: 'INVALID_INPUT', message: 'Please check the highlighted fields.', ...issueFields(parsed.error.issues) };
  }
  try {
    return (await run(parsed.data)) ?? { ok: true };
  } catch (error) {
    if (isNextControlFlow(error)) throw error;
    const payload = toErrorPayload(error);
    if (payload.code === 'INTERNAL') console.error('server action failed', error);
    return { ok: false, ...payload };
  }
}

function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return (
    typeof digest === 'string' &&
    (digest.startsWith('NEXT_REDIRECT') || digest.startsWith('NEXT_HTTP_ERROR_FALLBACK') || digest === 'NEXT_NOT_FOUND')
  );
}
