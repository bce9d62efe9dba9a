// The signed-in user for route handlers and pages, or null for guests.
import { getCurrentUser } from '@/lib/auth';

export async function currentUserId(): Promise<string | null> {
  return (await getCurrentUser())?.id ?? null;
}
