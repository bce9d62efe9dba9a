// Open Graph card drawn with next/og (satori): no external fonts, no network.
import type { ReactNode } from 'react';

export const OG_SIZE = { width: 1200, height: 630 };

function Leaf({ x, y, r, c, s = 1 }: { x: number; y: number; r: number; c: string; s?: number }) {
  return (
    <div
      style={{
        position: 'absolute',
        left: x,
        top: y,
        width: 70 * s,
        height: 120 * s,
        background: c,
        borderRadius: '50% 50% 50% 50% / 60% 60% 40% 40%',
        transform: `rotate(${r}deg)`,
      }}
    />
  );
}

/** The shop's mark and name, as every share card shows them (scale 1: 64 px mark). */
export function OgBrand({ scale }: { scale: number }): ReactNode {
  const px = (n: number) => Math.round(n * scale);
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: px(18) }}>
      <div style={{ width: px(64), height: px(64), borderRadius: px(18), background: '#186241', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
        <div style={{ width: px(28), height: px(44), background: '#80cfa4', borderRadius: '50% 50% 50% 50% / 60% 60% 40% 40%' }} />
      </div>
      <div style={{ fontSize: px(40), fontWeight: 700, color: '#1c1917' }}>Seedprint</div>
    </div>
  );
}

export function OgCard({ eyebrow, title, subtitle, swatches = [] }: { eyebrow: string; title: string; subtitle: string; swatches?: string[] }): ReactNode {
  return (
    <div style={{ width: '100%', height: '100%', display: 'flex', position: 'relative', background: '#fdf6e9', fontFamily: 'sans-serif', overflow: 'hidden' }}>
      <Leaf x={860} y={-30} r={30} c="#2a9763" s={1.6} />
      <Leaf x={1010} y={120} r={-25} c="#186241" s={1.3} />
      <Leaf x={900} y={260} r={70} c="#80cfa4" s={1.5} />
      <Leaf x={1060} y={380} r={15} c="#2a9763" s={1.4} />
      <Leaf x={820} y={440} r={-50} c="#186241" s={1.2} />
      <div style={{ position: 'absolute', left: 1000, top: 300, width: 36, height: 36, borderRadius: 18, background: '#f97316' }} />
      <div style={{ position: 'absolute', left: 880, top: 200, width: 24, height: 24, borderRadius: 12, background: '#f97316' }} />
      <div style={{ display: 'flex', flexDirection: 'column', justifyContent: 'space-between', padding: '64px 72px', width: 800, height: '100%' }}>
        <OgBrand scale={1} />
        <div style={{ display: 'flex', flexDirection: 'column' }}>
          <div style={{ fontSize: 28, color: '#186241', fontWeight: 700, textTransform: 'uppercase', letterSpacing: 2 }}>{eyebrow}</div>
          <div style={{ fontSize: 76, fontWeight: 800, color: '#1c1917', lineHeight: 1.05, marginTop: 12 }}>{title}</div>
          <div style={{ fontSize: 32, color: '#44403c', marginTop: 20 }}>{subtitle}</div>
        </div>
        <div style={{ display: 'flex', gap: 14 }}>
          {swatches.slice(0, 6).map((c, i) => (
            <div key={i} style={{ width: 44, height: 44, borderRadius: 22, background: c, border: '3px solid #d6d3d1' }} />
          ))}
        </div>
      </div>
    </div>
  );
}
