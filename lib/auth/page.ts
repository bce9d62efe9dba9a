// Guards for server-component pages: redirect to /signin instead of throwing 401/403.
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { safeCallbackPath, signInPath } from './callback-url';
import type { CurrentUser } from './roles';
import { getCurrentUser, hasRole, type RoleSpec } from './session';

/** Request header a proxy may set to the page's path + query, used when no callbackUrl is given. */
export const PATH_HEADER = 'x-seedprint-path';

/**
 * Returns the signed-in user if their role fits; otherwise redirects to
 * /signin?callbackUrl=<page>. A signed-in user with the wrong role lands on /signin with
 * `reason=forbidden`, which explains and offers to switch account.
 * Pass the page's own path as `callbackUrl` (Next.js does not tell server components their URL),
 * e.g. `await requireRolePage(['FACTORY', 'ADMIN'], '/factory/queue')`.
 */
export async function requireRolePage(roles: RoleSpec = null, callbackUrl?: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  const back = safeCallbackPath(callbackUrl ?? (await headers()).get(PATH_HEADER), '/');
  if (!user) redirect(signInPath(back));
  if (!hasRole(user, roles)) redirect(signInPath(back, { reason: 'forbidden' }));
  return user;
}
