// Roles mirror the Prisma enum `Role` (prisma/schema.prisma). Kept as plain strings here so
// client components and tests can use them without importing the database client.
export const ROLES = ['SHOPPER', 'SELLER', 'FACTORY', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The signed-in person as the rest of the app sees them. */
export type CurrentUser = { id: string; email: string; name: string | null; role: Role };

export const ROLE_LABELS: Record<Role, string> = {
  SHOPPER: 'Shopper',
  SELLER: 'Seller',
  FACTORY: 'Factory',
  ADMIN: 'Administrator',
};
