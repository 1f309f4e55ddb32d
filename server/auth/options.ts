import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import GitHubProvider from 'next-auth/providers/github';
import GoogleProvider from 'next-auth/providers/google';
import { z } from 'zod';
import { consumeSignInLink } from '../domain/accounts';
import { findOrCreateVerifiedAccount } from '../domain/accounts';
import { AppError } from '../domain/errors';
import { revokeSessionsIssuedAt } from '../domain/accounts';
import { clientIpFrom } from '../client-ip';
import type { Env } from '../env';
import { services } from '../services';

const credentialsSchema = z.object({ email: z.email().max(254), password: z.string().min(1).max(200) });
const linkSchema = z.object({ token: z.string().regex(/^[\w-]{20,100}$/) });

/** The OAuth providers switched on by configuration: both id and secret set. */
export function oauthProviders(env: Env) {
  const providers = [];
  if (env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET)
    providers.push(GoogleProvider({ clientId: env.GOOGLE_CLIENT_ID, clientSecret: env.GOOGLE_CLIENT_SECRET }));
  if (env.GITHUB_CLIENT_ID && env.GITHUB_CLIENT_SECRET)
    providers.push(GitHubProvider({ clientId: env.GITHUB_CLIENT_ID, clientSecret: env.GITHUB_CLIENT_SECRET }));
  return providers;
}

let cached: NextAuthOptions | undefined;

// Built on first use, not at import: the providers depend on the validated
// configuration, which exists only once the custom server has booted.
// JWT sessions: the same signed cookie authenticates pages and the Socket.io
// handshake (server/realtime/socket-auth.ts) without a session table lookup.
export function authOptions(): NextAuthOptions {
  if (cached) return cached;
  const { env } = services();
  cached = {
    secret: env.AUTH_SECRET,
    session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: '/signin' },
    providers: [
      CredentialsProvider({
        id: 'credentials',
        name: 'Email and password',
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
        async authorize(raw, req) {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) return null;
          try {
            return await services().verifyCredentials(parsed.data.email, parsed.data.password, clientIpFrom(req?.headers));
          } catch (error) {
            // next-auth hands an error's message to the client as `error`: the stable code only.
            if (error instanceof AppError) throw new Error(error.code);
            throw error;
          }
        },
      }),
      CredentialsProvider({
        id: 'email-link',
        name: 'Email link',
        credentials: { token: { label: 'Token', type: 'text' } },
        async authorize(raw) {
          const parsed = linkSchema.safeParse(raw);
          return parsed.success ? consumeSignInLink(services().db, parsed.data.token) : null;
        },
      }),
      ...oauthProviders(env),
    ],
    callbacks: {
      async signIn({ account, profile, user }) {
        if (!account || account.type !== 'oauth') return true;
        // Only a provider-verified email may claim (or create) an account with
        // that email: otherwise anyone could name someone else's address at the
        // provider and take over the account here.
        if (typeof user.email !== 'string') return false;
        if (account.provider === 'github') return githubEmailVerified(account.access_token, user.email);
        return (profile as { email_verified?: boolean } | undefined)?.email_verified === true;
      },
      async jwt({ token, user, account }) {
        if (account?.type === 'oauth' && user?.email) {
          // The provider's id is not ours: the session carries our account id.
          const ours = await findOrCreateVerifiedAccount(services().db, user.email, user.name ?? '');
          if (!ours) throw new Error('account deleted');
          token.sub = ours.id;
          token.name = ours.name;
          token.sv = ours.sessionVersion;
        } else if (user) {
          // A credentials or email-link sign-in: the version the account has now.
          token.sv = user.sessionVersion ?? 0;
        }
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) session.user.id = token.sub;
        session.sessionVersion = token.sv ?? 0;
        return session;
      },
    },
    events: {
      // Signing out ends every session of the account, on every device: the
      // token just cleared from this browser may have been copied, and JWT
      // sessions cannot be revoked one by one without a session table.
      async signOut({ token }) {
        if (token?.sub) await revokeSessionsIssuedAt(services().db, token.sub, token.sv ?? 0);
      },
    },
  };
  return cached;
}

/** GitHub's profile email may be unverified; its emails API says which are. */
async function githubEmailVerified(accessToken: string | undefined, email: string): Promise<boolean> {
  if (!accessToken) return false;
  const response = await fetch('https://api.github.com/user/emails', {
    headers: { Authorization: `Bearer ${accessToken}`, 'User-Agent': 'live-commerce' },
  }).catch(() => null);
  if (!response?.ok) return false;
  const emails = (await response.json().catch(() => [])) as { email?: unknown; verified?: unknown }[];
  return (
    Array.isArray(emails) &&
    emails.some((e) => typeof e.email === 'string' && e.email.toLowerCase() === email.toLowerCase() && e.verified === true)
  );
}
