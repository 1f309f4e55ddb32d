import type { DefaultSession } from 'next-auth';

declare module 'next-auth' {
  interface Session {
    user?: DefaultSession['user'] & { id: string };
    /** The account's session version when this session was issued (server/domain/accounts/session-revocation.ts). */
    sessionVersion?: number;
  }
  interface User {
    sessionVersion?: number;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    /** Session version at sign-in; a page or socket with an older one is signed out. */
    sv?: number;
  }
}
