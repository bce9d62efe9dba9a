// The Next.js binding: route handlers for /api/auth/*, and auth()/signIn()/signOut() for server
// components and server actions.
import NextAuth from 'next-auth';
import { authConfig } from './config';

export const { handlers, auth, signIn, signOut } = NextAuth(() => authConfig());
