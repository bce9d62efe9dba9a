// The store's own model photos, wearing the design: the same engine as shoppers' photos, with
// the person analysis done once per process and the renders cached in memory.
import fs from 'node:fs';
import path from 'node:path';
import { notFound } from '../http/errors';
import type { PersonAnalysis } from './analyze';
import { analyzePerson } from './analyze';
import { designTileRgb } from '../generation';
import { REPEAT_IN, type ProductSlug } from '../design';
import { loadWorkImage, renderProduct } from './engine';
import { encodeJpeg, type Rgb } from './raster';
import { ALL_VARIANTS, makeVariant, type VariantName } from './variants';

export interface SiteModel {
  id: string;
  file: string;
  alt: string;
  credit: string;
}

export const SITE_MODELS: SiteModel[] = [
  {
    id: 'astronaut',
    file: 'public/tryon/models/astronaut.png',
    alt: 'Our model, a smiling astronaut with short hair',
    credit: 'Photo: NASA (public domain), via scikit-image',
  },
];

/** Variants shown in the site-model gallery, in order. */
export const SITE_VARIANTS: VariantName[] = ['photo', 'scene-studio', 'scene-park', 'scene-brick', 'warm', 'cool'];

const analyses = new Map<string, Promise<{ img: Rgb; person: PersonAnalysis }>>();
const renders = new Map<string, Promise<Buffer>>();
const bases = new Map<string, Promise<{ image: Rgb; person: PersonAnalysis }>>();

function analysed(model: SiteModel) {
  let p = analyses.get(model.id);
  if (!p) {
    p = (async () => {
      const file = path.join(process.cwd(), model.file);
      if (!fs.existsSync(file)) throw notFound('Model photo missing.');
      const img = await loadWorkImage(file);
      return { img, person: await analyzePerson(img) };
    })();
    analyses.set(model.id, p);
    p.catch(() => analyses.delete(model.id));
  }
  return p;
}

function lru<T>(m: Map<string, T>, key: string, make: () => T, max: number): T {
  let v = m.get(key);
  if (v === undefined) {
    v = make();
    m.set(key, v);
    if (m.size > max) m.delete(m.keys().next().value!);
  } else {
    m.delete(key);
    m.set(key, v);
  }
  return v;
}

export function siteRender(modelId: string, designId: string, product: ProductSlug, variant: VariantName, repeatIn: number = REPEAT_IN.default): Promise<Buffer> {
  const model = SITE_MODELS.find((m) => m.id === modelId);
  if (!model) throw notFound('No such model.');
  if (!ALL_VARIANTS.includes(variant)) throw notFound('No such view.');
  const baseKey = `${modelId}:${designId}:${product}:${repeatIn}`;
  const key = `${baseKey}:${variant}`;
  const p = lru(
    renders,
    key,
    async () => {
      const base = await lru(
        bases,
        baseKey,
        async () => {
          const { img, person } = await analysed(model);
          const tile = { rgb: await designTileRgb(designId), repeatIn };
          const { paint } = await renderProduct(img, person, tile, product);
          return { image: paint.image, person };
        },
        8,
      );
      return encodeJpeg(await makeVariant(variant, base.image, base.person.mask), 85);
    },
    96,
  );
  p.catch(() => renders.delete(key));
  return p;
}
