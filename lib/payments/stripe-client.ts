// The Stripe SDK, pointed at api.stripe.com or at the local Stripe-compatible server.
import Stripe from 'stripe';
import { env } from '../env';

let client: Stripe | undefined;

export function stripe(): Stripe {
  if (client) return client;
  const e = env();
  const base = e.STRIPE_API_BASE ? new URL(e.STRIPE_API_BASE) : undefined;
  client = new Stripe(e.STRIPE_SECRET_KEY, {
    maxNetworkRetries: 2,
    timeout: 15_000,
    ...(base ? { host: base.hostname, port: Number(base.port || (base.protocol === 'https:' ? 443 : 80)), protocol: base.protocol.replace(':', '') as 'http' | 'https' } : {}),
  });
  return client;
}

export function isTestMode(): boolean {
  return env().testMode;
}
