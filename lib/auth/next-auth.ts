// The Next.js binding: route handlers for /api/auth/*, and auth()/signIn()/signOut() for server
// components and server actions.
import NextAuth from 'next-auth';
import { NextRequest } from 'next/server';
import { env } from '../env';
import { publicAuthUrl } from './callback-url';
import { authConfig } from './config';

const nextAuth = NextAuth(() => authConfig());
export const { auth, signIn, signOut } = nextAuth;

/** Route handlers see the request on PUBLIC_URL, not on the bind address (http://0.0.0.0:PORT). */
const onPublicUrl = (req: NextRequest) => new NextRequest(publicAuthUrl(req.url, env().PUBLIC_URL), req);
export const handlers: typeof nextAuth.handlers = {
  GET: (req) => nextAuth.handlers.GET(onPublicUrl(req)),
  POST: (req) => nextAuth.handlers.POST(onPublicUrl(req)),
};
