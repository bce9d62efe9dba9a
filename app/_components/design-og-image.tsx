// Open Graph image of a design on a product (share links and listings): the product mockup made
// from the design's own tile, beside the title. 1200×630 PNG, drawn with next/og (satori).
import { ImageResponse } from 'next/og';
import { designTilePng } from '@/lib/generation';
import { listTemplates, renderMockup } from '@/lib/mockup';
import { OG_SIZE, OgBrand, OgCard } from './og-card';

/** The product view a share image shows: the front where there is one. */
export function shareView(productSlug: string): string | null {
  const views = listTemplates()
    .filter((t) => t.product === productSlug)
    .map((t) => t.view);
  return views.includes('front') ? 'front' : (views[0] ?? null);
}

async function mockupDataUrl(designId: string, productSlug: string, colorHex: string, repeatIn: number): Promise<{ mockup: string; tile: string } | null> {
  const view = shareView(productSlug);
  const tile = await designTilePng(designId).catch(() => null);
  if (!view || !tile) return null;
  const png = await renderMockup({ product: productSlug, view, variantColorHex: colorHex, tile, repeatIn, size: 512, format: 'png' });
  return { mockup: `data:image/png;base64,${png.toString('base64')}`, tile: `data:image/png;base64,${tile.toString('base64')}` };
}

export interface DesignOgInput {
  designId: string;
  productSlug: string;
  eyebrow: string;
  title: string;
  subtitle: string;
  colorHex?: string;
  repeatIn?: number;
}

export async function designOgImage(input: DesignOgInput): Promise<ImageResponse> {
  const art = await mockupDataUrl(input.designId, input.productSlug, (input.colorHex ?? 'ffffff').replace(/^#/, ''), input.repeatIn ?? 4);
  if (!art) return new ImageResponse(<OgCard eyebrow={input.eyebrow} title={input.title} subtitle={input.subtitle} />, OG_SIZE);
  const title = input.title.length > 70 ? `${input.title.slice(0, 69).trimEnd()}…` : input.title;
  return new ImageResponse(
    <div style={{ width: '100%', height: '100%', display: 'flex', background: '#fdf6e9', fontFamily: 'sans-serif' }}>
      <div style={{ display: 'flex', flexDirection: 'column', justifyContent: 'space-between', width: 620, padding: '56px 0 56px 64px' }}>
        <OgBrand scale={0.875} />
        <div style={{ display: 'flex', flexDirection: 'column' }}>
          <div style={{ fontSize: 24, color: '#186241', fontWeight: 700, textTransform: 'uppercase', letterSpacing: 2 }}>{input.eyebrow}</div>
          <div style={{ fontSize: title.length > 36 ? 46 : 60, fontWeight: 800, color: '#1c1917', lineHeight: 1.1, marginTop: 12 }}>{title}</div>
          <div style={{ fontSize: 28, color: '#44403c', marginTop: 18 }}>{input.subtitle}</div>
        </div>
        <div style={{ display: 'flex', width: 420, height: 64, borderRadius: 16, border: '3px solid #d6d3d1', backgroundImage: `url(${art.tile})`, backgroundSize: '64px 64px', backgroundRepeat: 'repeat' }} />
      </div>
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'center', width: 580, height: 630, background: '#ffffff' }}>
        <img src={art.mockup} width={560} height={560} alt="" style={{ objectFit: 'contain' }} />
      </div>
    </div>,
    OG_SIZE,
  );
}
