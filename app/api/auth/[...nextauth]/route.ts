import NextAuth from 'next-auth';
import { authOptions } from '@/server/auth/options';

type Context = { params: Promise<{ nextauth: string[] }> };

// next-auth's handler is made per request from options built after boot.
async function handler(request: Request, context: Context): Promise<Response> {
  return (NextAuth(authOptions()) as (r: Request, c: Context) => Promise<Response>)(request, context);
}

export { handler as GET, handler as POST };
