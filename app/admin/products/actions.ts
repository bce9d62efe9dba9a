'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { assertRole, getCurrentUser } from '@/lib/auth';
import { updateProduct, updateVariant } from '@/lib/catalog';
import { serverAction } from '@/lib/http/action';
import { parseOrThrow } from '@/lib/http/errors';

const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());

/** "12", "12.5", "12.50", "$1,299.00" → integer cents. */
const dollars = (what: string) =>
  z
    .string()
    .trim()
    .transform((s) => s.replace(/[$,\s]/g, ''))
    .refine((s) => /^\d{1,6}(\.\d{1,2})?$/.test(s), `${what} must be an amount in dollars, like 29 or 29.50`)
    .transform((s) => {
      const [whole, frac = ''] = s.split('.');
      return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
    });

const productSchema = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(2, 'name must be at least 2 characters').max(120, 'name must be at most 120 characters'),
  description: z.string().trim().min(10, 'description must be at least 10 characters').max(2000, 'description must be at most 2000 characters'),
  active: checkbox,
});

const variantSchema = z
  .object({
    id: z.string().min(1),
    productId: z.string().min(1),
    price: dollars('price').refine((c) => c >= 50, 'price must be at least $0.50'),
    cost: dollars('cost'),
    active: checkbox,
  })
  .refine((v) => typeof v.price !== 'number' || typeof v.cost !== 'number' || !Number.isFinite(v.price) || v.cost <= v.price, { message: 'cost must not be more than the price', path: ['cost'] });

async function requireAdmin() {
  const user = await getCurrentUser();
  assertRole(user, ['ADMIN']);
  return user;
}

// Prices and names show on the home page, the shop and the (cached) product pages.
function afterCatalogWrite() {
  revalidatePath('/', 'layout');
}

const productPage = (id: FormDataEntryValue | null) => `/admin/products/${encodeURIComponent(String(id ?? ''))}`;

export const updateProductAction = serverAction(
  async (form: FormData): Promise<void> => {
    await requireAdmin();
    const input = parseOrThrow(productSchema, Object.fromEntries(form));
    await updateProduct(input.id, { name: input.name, description: input.description, active: input.active });
    afterCatalogWrite();
    redirect(`${productPage(form.get('id'))}?saved=${encodeURIComponent('Product saved.')}`);
  },
  (message, form) => redirect(`${productPage(form.get('id'))}?error=${encodeURIComponent(message)}`),
  { label: 'admin product' },
);

export const updateVariantAction = serverAction(
  async (form: FormData): Promise<void> => {
    await requireAdmin();
    const input = parseOrThrow(variantSchema, Object.fromEntries(form));
    await updateVariant(input.id, { priceMinor: input.price, costMinor: input.cost, active: input.active });
    afterCatalogWrite();
    redirect(`${productPage(form.get('productId'))}?saved=${encodeURIComponent(`Variant ${String(form.get('sku') ?? '')} saved.`)}#variants`);
  },
  (message, form) => redirect(`${productPage(form.get('productId'))}?error=${encodeURIComponent(message)}#variants`),
  { label: 'admin variant' },
);
