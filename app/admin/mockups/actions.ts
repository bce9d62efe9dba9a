'use server';
import { revalidatePath } from 'next/cache';
import { requireRole } from '@/lib/auth';
import { HttpError } from '@/lib/http/errors';
import { saveUploadedTemplate } from '@/lib/mockup';

export interface UploadState {
  error?: string;
  ok?: string;
  preview?: string;
}

const num = (v: FormDataEntryValue | null) => (v === null || v === '' ? NaN : Number(v) / 100);

// A shop's own product photo becomes a mockup template: the photo, the print area's corners
// (in % of the photo) and an optional mask.
export async function uploadTemplateAction(_prev: UploadState, form: FormData): Promise<UploadState> {
  await requireRole('ADMIN');
  const photo = form.get('photo');
  const mask = form.get('mask');
  if (!(photo instanceof File) || photo.size === 0) return { error: 'Choose a photo to upload.' };
  const corners = ['tl', 'tr', 'br', 'bl'].map((c) => [num(form.get(`${c}x`)), num(form.get(`${c}y`))]);
  try {
    const t = await saveUploadedTemplate(
      {
        product: form.get('product'),
        view: form.get('view'),
        printArea: { name: String(form.get('area') || 'front'), widthIn: Number(form.get('widthIn')), heightIn: Number(form.get('heightIn')) },
        quad: corners,
      },
      Buffer.from(await photo.arrayBuffer()),
      mask instanceof File && mask.size > 0 ? Buffer.from(await mask.arrayBuffer()) : null,
    );
    revalidatePath('/admin/mockups');
    revalidatePath(`/products/${t.product}`); // the product page lists its mockup views
    return { ok: `Template ${t.product}/${t.view} saved.`, preview: `/api/mockups/${t.product}/${t.view}.png` };
  } catch (err) {
    return { error: err instanceof HttpError ? err.message : 'The template could not be saved.' };
  }
}
