// Catalog data a shopper sees: phone models with their own print areas, size charts per garment,
// and a store seeded before the catalog grew gains the new models without losing its edits.
import { beforeEach, describe, expect, it } from 'vitest';
import { CATALOG, findProductBySlug, PHONE_MODELS, seedCatalog, sizeChart } from '../../lib/catalog';
import { db } from '../../lib/db/client';
import { resetDatabase } from '../setup/db';

describe('phone models', () => {
  beforeEach(resetDatabase);

  it('at least ten models, each with its own print area and every finish', async () => {
    await seedCatalog();
    const p = (await findProductBySlug('phone-case'))!;
    const models = [...new Set(p.variants.map((v) => v.size))];
    expect(models.length).toBeGreaterThanOrEqual(10);
    expect(models).toEqual(PHONE_MODELS.map((m) => m.model));
    for (const m of models) {
      expect(p.printAreas.filter((a) => a.name === m), m!).toHaveLength(1);
      expect(p.variants.filter((v) => v.size === m).map((v) => v.color).sort()).toEqual(['Glossy', 'Matte']);
    }
    // Larger phones get larger backs; none smaller than the phone itself.
    const area = (m: string) => p.printAreas.find((a) => a.name === m)!;
    expect(area('iPhone 16 Pro Max').heightIn).toBeGreaterThan(area('iPhone 16').heightIn);
    expect(area('Galaxy S24 Ultra').widthIn).toBeGreaterThan(area('Galaxy S24').widthIn);
    for (const a of p.printAreas) expect(a.widthIn > 3 && a.widthIn < 4 && a.heightIn > 6 && a.heightIn < 7.5, a.name).toBe(true);
  });

  it('a store seeded with the three-model catalog gains the new models and keeps its edits', async () => {
    const product = await db.product.create({
      data: {
        slug: 'phone-case', name: 'Tough Phone Case', kind: 'accessory', description: 'Edited by the shop.',
        printAreas: { create: [{ name: 'back', widthIn: 3.4, heightIn: 6.6 }] },
        variants: { create: [{ sku: 'PHONECASE-IPHONE15-GLOSSY', size: 'iPhone 15', color: 'Glossy', colorHex: '#f4f4f5', priceMinor: 2700, costMinor: 800 }] },
      },
    });
    await seedCatalog();
    await seedCatalog(); // twice: nothing doubles
    const p = (await db.product.findUniqueOrThrow({ where: { id: product.id }, include: { variants: { orderBy: { sortOrder: 'asc' } }, printAreas: true } }))!;
    expect(p.description).toBe('Edited by the shop.');
    expect(p.variants.find((v) => v.sku === 'PHONECASE-IPHONE15-GLOSSY')!.priceMinor).toBe(2700);
    expect(p.variants).toHaveLength(PHONE_MODELS.length * 2);
    expect(p.variants[0].size).toBe(PHONE_MODELS[0].model); // the catalog's order
    expect(p.printAreas.map((a) => a.name).sort()).toEqual(['back', ...PHONE_MODELS.map((m) => m.model)].sort());
    expect(p.tags).toContain('iphone');
  });
});

describe('size charts', () => {
  it('every size of every garment has chest and length in inches and centimetres', () => {
    for (const p of CATALOG.filter((x) => x.kind === 'garment')) {
      const chart = sizeChart(p.slug)!;
      const sizes = [...new Set(p.variants.map((v) => v.size))];
      expect(chart.map((r) => r.size), p.slug).toEqual(sizes);
      for (const r of chart) {
        expect(Math.abs(r.chestCm - r.chestIn * 2.54)).toBeLessThanOrEqual(0.5);
        expect(Math.abs(r.lengthCm - r.lengthIn * 2.54)).toBeLessThanOrEqual(0.5);
      }
      // Each size up is bigger than the last.
      for (let i = 1; i < chart.length; i++) {
        expect(chart[i].chestIn).toBeGreaterThan(chart[i - 1].chestIn);
        expect(chart[i].lengthIn).toBeGreaterThanOrEqual(chart[i - 1].lengthIn);
      }
    }
    expect(sizeChart('hoodie')!.find((r) => r.size === 'M')).toEqual({ size: 'M', chestIn: 22, lengthIn: 28, chestCm: 56, lengthCm: 71 });
    expect(sizeChart('mug')).toBeNull();
  });
});
