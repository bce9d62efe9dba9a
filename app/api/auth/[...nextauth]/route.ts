// Auth.js endpoints: /api/auth/signin, /callback/nodemailer (magic links), /session, /signout, /csrf…
import { handlers } from '@/lib/auth/next-auth';

export const { GET, POST } = handlers;
export const dynamic = 'force-dynamic';
