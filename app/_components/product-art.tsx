'use client';
// Product imagery without photos: an SVG silhouette per product, filled with the variant colour
// and, when a design is chosen, with its seamless tile repeated at true physical scale inside the
// printable region. A client component so a page's flight data carries only its props, not the
// drawn SVG tree a second time (the home page's HTML is a third lighter); rendered on the server too.
import { useId, useSyncExternalStore, type ReactNode } from 'react';
import { isProductSlug, REPEAT_IN, type ProductSlug } from '@/lib/design/limits';

/** Every catalog product has its own drawing. */
export type ArtKind = ProductSlug;

const KIND_BY_PRODUCT_KIND: Record<string, ArtKind> = {
  garment: 'tee',
  drinkware: 'mug',
  bag: 'tote',
  'wall-art': 'poster',
  accessory: 'phone-case',
};

export function artKindFor(slug: string, kind?: string): ArtKind {
  if (isProductSlug(slug)) return slug;
  return KIND_BY_PRODUCT_KIND[kind ?? ''] ?? 'tee';
}

export interface ProductArtProps {
  /** Product slug (or pass `kind`). */
  slug: string;
  kind?: string;
  colorHex: string;
  /** URL of a seamless tile image; repeated over the print area. */
  patternUrl?: string | null;
  /** Physical size of one pattern repeat, in inches. */
  repeatIn?: number;
  /** For posters: the print area (paper size) in inches, which sets the sheet's proportions. */
  sheetIn?: { widthIn: number; heightIn: number };
  /** Draw the printable region as a dashed outline when there is no pattern. */
  showPrintArea?: boolean;
  /** Accessible description; omit for decorative use (then the SVG is aria-hidden). */
  title?: string;
  className?: string;
  /**
   * Draw only in the browser: the server sends an empty frame of the same size (no layout shift).
   * For pictures that repeat across cached pages (product grids, the home page's hero): each
   * drawing is 3–5 KB of markup, and the drawing code is in the page's script already.
   */
  drawInBrowser?: boolean;
}

const noSubscription = () => () => {};
/** false while rendering on the server and hydrating, true once in the browser. */
const useInBrowser = () =>
  useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

interface Ids {
  pat: string;
  clip: string;
  shade: string;
  vshade: string;
  shadow: string;
  blur: string;
  gloss: string;
}

interface Spec {
  /** Whole silhouette (filled with the colour, shaded, outlined). */
  body: ReactNode;
  /** Shape of the printable region (used as a clip path). */
  print: ReactNode;
  /** Scale: SVG units per inch on the printed surface. */
  unitsPerInch: number;
  /** Origin of the pattern grid, so the repeat is centred on the print area. */
  origin: [number, number];
  /** Outline drawn (dashed) to show the printable region when there is no pattern; defaults to `print`. */
  outline?: ReactNode;
  /** Details drawn above the print (seams, cuffs, handles, camera...). */
  details: (ids: Ids, dark: boolean) => ReactNode;
  /** Details drawn below the body (e.g. the hood's back, tote handles). */
  behind?: (ids: Ids, dark: boolean) => ReactNode;
  /** Ground shadow ellipse [cx, cy, rx, ry]. */
  ground: [number, number, number, number];
  /** Shading direction: 'cylinder' for mugs, 'fabric' for soft goods, 'flat' for paper/plastic. */
  shading: 'cylinder' | 'fabric' | 'flat';
}

/** Relative luminance 0..1 of a #rrggbb colour. */
function luminance(hex: string): number {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return 1;
  const n = parseInt(m[1], 16);
  const ch = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
}

// ---------- silhouettes (all in a 400 × 400 box) ----------

const TEE_BODY =
  'M158,58 C170,84 230,84 242,58 L292,74 Q326,90 354,148 L310,176 Q298,166 282,160 L284,350 Q200,360 116,350 L118,160 Q102,166 90,176 L46,148 Q74,90 108,74 Z';
const HOODIE_BODY =
  'M150,70 Q176,62 200,62 Q224,62 250,70 L270,78 Q312,92 326,150 L350,292 L314,300 L292,188 L286,184 L286,336 Q200,344 114,336 L114,184 L108,188 L86,300 L50,292 L74,150 Q88,92 130,78 Z';
const HOODIE_HOOD = 'M144,84 Q140,26 200,22 Q260,26 256,84 Z';
const TOTE_BODY = 'M96,140 L304,140 L312,356 Q200,364 88,356 Z';
const MUG_BODY = 'M98,104 L282,104 L278,312 Q276,330 258,332 L122,332 Q104,330 102,312 Z';

function teeSpec(): Spec {
  // Chest ≈ 20 in across the armpits (118..282) → 8.2 units per inch; print area 12 × 16 in.
  const u = 8.2;
  const w = 12 * u;
  const h = 16 * u;
  const x = 200 - w / 2;
  const y = 102;
  return {
    body: <path d={TEE_BODY} />,
    print: <rect x={x} y={y} width={w} height={h} />,
    unitsPerInch: u,
    origin: [x, y],
    ground: [200, 362, 130, 10],
    shading: 'fabric',
    details: (_ids, dark) => {
      const line = dark ? 'rgba(255,255,255,0.14)' : 'rgba(0,0,0,0.13)';
      return (
        <g fill="none" strokeLinecap="round">
          {/* ribbed collar */}
          <path d="M158,58 C170,84 230,84 242,58" stroke={line} strokeWidth={9} opacity={0.55} />
          <path d="M162,62 C174,92 226,92 238,62" stroke={line} strokeWidth={1.4} />
          {/* sleeve hems */}
          <path d="M52,144 L94,170" stroke={line} strokeWidth={1.4} />
          <path d="M348,144 L306,170" stroke={line} strokeWidth={1.4} />
          {/* soft folds */}
          <path d="M124,176 Q140,230 132,300" stroke={line} strokeWidth={2.5} opacity={0.5} />
          <path d="M276,176 Q262,236 270,310" stroke={line} strokeWidth={2.5} opacity={0.5} />
          <path d="M120,340 Q200,348 280,340" stroke={line} strokeWidth={1.4} />
        </g>
      );
    },
  };
}

function hoodieSpec(): Spec {
  // All-over print: the front panel (114..286) is 15 in wide → ≈ 11.5 units per inch.
  const u = 172 / 15;
  return {
    body: <path d={HOODIE_BODY} />,
    print: (
      <>
        <path d={HOODIE_BODY} />
        <path d={HOODIE_HOOD} />
      </>
    ),
    outline: <path d={HOODIE_BODY} />,
    unitsPerInch: u,
    origin: [114, 70],
    ground: [200, 352, 140, 10],
    shading: 'fabric',
    behind: () => (
      // the hood, seen from the front, rising behind the neckline
      <path d={HOODIE_HOOD} />
    ),
    details: (ids, dark) => {
      const line = dark ? 'rgba(255,255,255,0.16)' : 'rgba(0,0,0,0.14)';
      return (
        <g fill="none" strokeLinecap="round">
          {/* hood opening: the lining in shadow, darkest at the top */}
          <defs>
            <linearGradient id={`${ids.shade}-hood`} x1="0" x2="0" y1="0" y2="1">
              <stop offset="0" stopColor="#000" stopOpacity={dark ? 0.6 : 0.32} />
              <stop offset="1" stopColor="#000" stopOpacity={dark ? 0.3 : 0.06} />
            </linearGradient>
          </defs>
          <path d="M164,86 Q160,40 200,38 Q240,40 236,86 Q220,110 200,112 Q180,110 164,86 Z" fill={`url(#${ids.shade}-hood)`} stroke={line} strokeWidth={1.5} />
          <path d="M164,86 Q180,110 200,112 Q220,110 236,86" stroke={line} strokeWidth={6} opacity={0.6} />
          {/* drawstrings */}
          <path d="M186,110 Q184,140 188,168" stroke={dark ? '#e7e5e4' : '#f5f5f4'} strokeWidth={3} />
          <path d="M214,110 Q216,140 212,168" stroke={dark ? '#e7e5e4' : '#f5f5f4'} strokeWidth={3} />
          <path d="M186,110 Q184,140 188,168" stroke="rgba(0,0,0,0.2)" strokeWidth={0.8} />
          <path d="M214,110 Q216,140 212,168" stroke="rgba(0,0,0,0.2)" strokeWidth={0.8} />
          {/* kangaroo pocket */}
          <path d="M142,300 L152,240 Q200,232 248,240 L258,300" stroke={line} strokeWidth={1.6} strokeDasharray="3 3" />
          <path d="M152,240 L138,300 M248,240 L262,300" stroke={line} strokeWidth={1.6} />
          {/* ribbed waistband and cuffs */}
          <path d="M114,318 Q200,326 286,318" stroke={line} strokeWidth={1.6} />
          <path d="M82,280 L54,274 M318,280 L346,274" stroke={line} strokeWidth={1.6} />
          {/* folds */}
          <path d="M108,196 Q96,240 92,270" stroke={line} strokeWidth={2.5} opacity={0.5} />
          <path d="M292,196 Q304,240 308,270" stroke={line} strokeWidth={2.5} opacity={0.5} />
          <path d="M128,180 Q134,250 126,310" stroke={line} strokeWidth={2} opacity={0.45} />
          <path d="M272,180 Q266,250 274,310" stroke={line} strokeWidth={2} opacity={0.45} />
        </g>
      );
    },
  };
}

function mugSpec(): Spec {
  // Body 184 units across; the 9 in wrap goes round, so the visible diameter is 9/π ≈ 2.9 in.
  const u = 184 / (9 / Math.PI);
  return {
    body: <path d={MUG_BODY} />,
    print: <rect x={104} y={112} width={172} height={212} rx={4} />,
    unitsPerInch: u,
    origin: [104, 112],
    ground: [200, 340, 130, 10],
    shading: 'cylinder',
    behind: () => (
      // the handle
      <path
        fillRule="evenodd"
        d="M276,144 C336,138 352,166 350,206 C348,256 320,284 272,286 L273,260 C308,256 322,238 324,208 C326,178 314,166 276,170 Z"
      />
    ),
    details: (ids, dark) => (
      <g>
        {/* rim: the opening seen slightly from above */}
        <ellipse cx={190} cy={104} rx={92} ry={14} fill={dark ? '#18181b' : '#e7e5e4'} />
        <ellipse cx={190} cy={106} rx={84} ry={10} fill={dark ? '#0c0a09' : '#d6d3d1'} />
        <ellipse cx={190} cy={104} rx={92} ry={14} fill="none" stroke="rgba(0,0,0,0.18)" strokeWidth={1.2} />
        {/* glaze highlight */}
        <rect x={128} y={124} width={10} height={180} rx={5} fill={`url(#${ids.gloss})`} opacity={0.9} />
      </g>
    ),
  };
}

function toteSpec(): Spec {
  // Front panel 15 in wide over ~212 units.
  const u = 212 / 15;
  return {
    body: <path d={TOTE_BODY} />,
    print: <path d={TOTE_BODY} />,
    unitsPerInch: u,
    origin: [96, 140],
    ground: [200, 364, 130, 9],
    shading: 'fabric',
    behind: (_ids, dark) => (
      <g fill="none" strokeLinecap="round">
        <path d="M136,146 Q138,30 200,30 Q262,30 264,146" stroke={dark ? '#0c0a09' : '#cbbf9f'} strokeWidth={16} />
        <path d="M136,146 Q138,30 200,30 Q262,30 264,146" stroke="rgba(0,0,0,0.15)" strokeWidth={16} strokeDasharray="1 5" />
      </g>
    ),
    details: (_ids, dark) => {
      const line = dark ? 'rgba(255,255,255,0.16)' : 'rgba(0,0,0,0.16)';
      return (
        <g fill="none" strokeLinecap="round">
          <path d="M96,152 L304,152" stroke={line} strokeWidth={1.4} strokeDasharray="4 3" />
          {/* handle stitching boxes */}
          <rect x={126} y={140} width={20} height={26} stroke={line} strokeWidth={1.4} />
          <rect x={254} y={140} width={20} height={26} stroke={line} strokeWidth={1.4} />
          <path d="M126,140 L146,166 M146,140 L126,166 M254,140 L274,166 M274,140 L254,166" stroke={line} strokeWidth={1} />
          <path d="M150,190 Q160,270 148,340" stroke={line} strokeWidth={2.5} opacity={0.4} />
          <path d="M250,200 Q240,280 256,344" stroke={line} strokeWidth={2.5} opacity={0.35} />
        </g>
      );
    },
  };
}

function posterSpec(sheet?: { widthIn: number; heightIn: number }): Spec {
  const wIn = sheet?.widthIn ?? 18;
  const hIn = sheet?.heightIn ?? 24;
  const maxW = 270;
  const maxH = 330;
  const u = Math.min(maxW / wIn, maxH / hIn);
  const w = wIn * u;
  const h = hIn * u;
  const x = 200 - w / 2;
  const y = 200 - h / 2 - 6;
  const d = `M${x},${y} h${w} v${h} h${-w} Z`;
  return {
    body: <path d={d} />,
    print: <path d={d} />,
    unitsPerInch: u,
    origin: [x, y],
    ground: [200, y + h + 8, w / 2 + 10, 6],
    shading: 'flat',
    details: () => (
      <g>
        {/* binder clip and hanging line */}
        <path d={`M200,${y - 30} L200,${y - 8}`} stroke="#78716c" strokeWidth={1.2} />
        <rect x={186} y={y - 10} width={28} height={16} rx={3} fill="#292524" />
        <rect x={190} y={y - 7} width={20} height={3} rx={1.5} fill="#57534e" />
        {/* paper edge curl */}
        <path d={`M${x + w},${y + h} l-26,0 q20,-4 26,-22 Z`} fill="rgba(0,0,0,0.06)" />
      </g>
    ),
  };
}

function phoneSpec(): Spec {
  // Back 3.4 in wide over 152 units.
  const u = 152 / 3.4;
  const body = <rect x={124} y={52} width={152} height={296} rx={30} />;
  return {
    body,
    print: body,
    unitsPerInch: u,
    origin: [124, 52],
    ground: [200, 358, 96, 7],
    shading: 'flat',
    details: (ids, dark) => (
      <g>
        {/* inner edge of the raised bumper */}
        <rect x={130} y={58} width={140} height={284} rx={25} fill="none" stroke={dark ? 'rgba(255,255,255,0.18)' : 'rgba(255,255,255,0.55)'} strokeWidth={2} />
        {/* camera bump */}
        <rect x={138} y={66} width={64} height={64} rx={16} fill="#27272a" />
        <rect x={138} y={66} width={64} height={64} rx={16} fill="none" stroke="rgba(255,255,255,0.25)" strokeWidth={1} />
        {[
          [156, 84],
          [184, 84],
          [156, 112],
        ].map(([cx, cy]) => (
          <g key={`${cx}-${cy}`}>
            <circle cx={cx} cy={cy} r={10} fill="#0a0a0a" stroke="#52525b" strokeWidth={2} />
            <circle cx={cx - 3} cy={cy - 3} r={2.5} fill="rgba(255,255,255,0.45)" />
          </g>
        ))}
        <circle cx={184} cy={112} r={4} fill="#fef3c7" opacity={0.85} />
        {/* side buttons */}
        <rect x={275} y={118} width={4} height={40} rx={2} fill="rgba(0,0,0,0.25)" />
        <rect x={121} y={110} width={4} height={26} rx={2} fill="rgba(0,0,0,0.25)" />
        <rect x={121} y={144} width={4} height={26} rx={2} fill="rgba(0,0,0,0.25)" />
        {/* glossy sweep */}
        <path d="M124,250 L276,120 L276,160 L124,290 Z" fill={`url(#${ids.gloss})`} opacity={0.35} />
      </g>
    ),
  };
}

function specFor(kind: ArtKind, sheet?: { widthIn: number; heightIn: number }): Spec {
  switch (kind) {
    case 'hoodie':
      return hoodieSpec();
    case 'tee':
      return teeSpec();
    case 'mug':
      return mugSpec();
    case 'tote':
      return toteSpec();
    case 'poster':
      return posterSpec(sheet);
    case 'phone-case':
      return phoneSpec();
  }
}

export function ProductArt({ drawInBrowser, ...props }: ProductArtProps) {
  const inBrowser = useInBrowser();
  if (drawInBrowser && !inBrowser) return <svg viewBox="0 0 400 400" className={props.className} aria-hidden="true" focusable="false" />;
  return <ProductDrawing {...props} />;
}

function ProductDrawing({ slug, kind, colorHex, patternUrl, repeatIn = 4, sheetIn, showPrintArea, title, className }: ProductArtProps) {
  const raw = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const ids: Ids = {
    pat: `pa-pat-${raw}`,
    clip: `pa-clip-${raw}`,
    shade: `pa-shade-${raw}`,
    vshade: `pa-vshade-${raw}`,
    shadow: `pa-shadow-${raw}`,
    blur: `pa-blur-${raw}`,
    gloss: `pa-gloss-${raw}`,
  };
  const art = artKindFor(slug, kind);
  const spec = specFor(art, sheetIn);
  const dark = luminance(colorHex) < 0.18;
  const tile = Math.max(2, Math.min(REPEAT_IN.max, Math.max(REPEAT_IN.min, repeatIn)) * spec.unitsPerInch);
  const outline = dark ? 'rgba(255,255,255,0.10)' : 'rgba(0,0,0,0.16)';
  const titleId = `${ids.pat}-title`;

  return (
    <svg
      viewBox="0 0 400 400"
      className={className}
      role={title ? 'img' : undefined}
      aria-hidden={title ? undefined : true}
      aria-labelledby={title ? titleId : undefined}
      focusable="false"
      xmlns="http://www.w3.org/2000/svg"
    >
      {title ? <title id={titleId}>{title}</title> : null}
      <defs>
        {patternUrl ? (
          <pattern id={ids.pat} patternUnits="userSpaceOnUse" x={spec.origin[0]} y={spec.origin[1]} width={tile} height={tile}>
            <image href={patternUrl} x={0} y={0} width={tile} height={tile} preserveAspectRatio="none" />
          </pattern>
        ) : null}
        <clipPath id={ids.clip}>{spec.print}</clipPath>
        {spec.shading === 'cylinder' ? (
          <linearGradient id={ids.shade} x1="0" x2="1" y1="0" y2="0">
            <stop offset="0" stopColor="#000" stopOpacity={0.28} />
            <stop offset="0.14" stopColor="#000" stopOpacity={0.06} />
            <stop offset="0.3" stopColor="#fff" stopOpacity={0.22} />
            <stop offset="0.42" stopColor="#fff" stopOpacity={0.04} />
            <stop offset="0.8" stopColor="#000" stopOpacity={0.1} />
            <stop offset="1" stopColor="#000" stopOpacity={0.34} />
          </linearGradient>
        ) : spec.shading === 'fabric' ? (
          <linearGradient id={ids.shade} x1="0" x2="1" y1="0" y2="0.15">
            <stop offset="0" stopColor="#000" stopOpacity={0.16} />
            <stop offset="0.22" stopColor="#000" stopOpacity={0.02} />
            <stop offset="0.42" stopColor="#fff" stopOpacity={0.12} />
            <stop offset="0.62" stopColor="#fff" stopOpacity={0} />
            <stop offset="0.85" stopColor="#000" stopOpacity={0.06} />
            <stop offset="1" stopColor="#000" stopOpacity={0.2} />
          </linearGradient>
        ) : (
          <linearGradient id={ids.shade} x1="0" x2="1" y1="0" y2="1">
            <stop offset="0" stopColor="#fff" stopOpacity={0.18} />
            <stop offset="0.5" stopColor="#fff" stopOpacity={0} />
            <stop offset="1" stopColor="#000" stopOpacity={0.1} />
          </linearGradient>
        )}
        <linearGradient id={ids.vshade} x1="0" x2="0" y1="0" y2="1">
          <stop offset="0" stopColor="#fff" stopOpacity={0.08} />
          <stop offset="0.7" stopColor="#000" stopOpacity={0} />
          <stop offset="1" stopColor="#000" stopOpacity={0.12} />
        </linearGradient>
        <linearGradient id={ids.gloss} x1="0" x2="1" y1="0" y2="0">
          <stop offset="0" stopColor="#fff" stopOpacity={0} />
          <stop offset="0.5" stopColor="#fff" stopOpacity={0.75} />
          <stop offset="1" stopColor="#fff" stopOpacity={0} />
        </linearGradient>
        <filter id={ids.shadow} x="-20%" y="-20%" width="140%" height="140%">
          <feDropShadow dx="0" dy="6" stdDeviation="7" floodColor="#1c1917" floodOpacity="0.16" />
        </filter>
        <filter id={ids.blur} x="-50%" y="-200%" width="200%" height="500%">
          <feGaussianBlur stdDeviation="6" />
        </filter>
      </defs>

      {/* ground shadow */}
      <ellipse cx={spec.ground[0]} cy={spec.ground[1]} rx={spec.ground[2]} ry={spec.ground[3]} fill="#1c1917" opacity={0.18} filter={`url(#${ids.blur})`} />

      <g filter={`url(#${ids.shadow})`}>
        {spec.behind ? (
          <g fill={colorHex} stroke={outline} strokeWidth={1.5}>
            {spec.behind(ids, dark)}
          </g>
        ) : null}
        {spec.behind ? (
          <g fill="rgba(0,0,0,0.12)" stroke="none">
            {spec.behind(ids, dark)}
          </g>
        ) : null}
        <g fill={colorHex}>{spec.body}</g>
      </g>

      {patternUrl ? <rect x={0} y={0} width={400} height={400} fill={`url(#${ids.pat})`} clipPath={`url(#${ids.clip})`} /> : null}
      {!patternUrl && showPrintArea ? (
        <g fill="none" stroke={dark ? 'rgba(255,255,255,0.55)' : 'rgba(28,25,23,0.4)'} strokeWidth={1.6} strokeDasharray="6 5">
          {spec.outline ?? spec.print}
        </g>
      ) : null}

      {/* shading over colour and print alike, so the pattern sits on the surface */}
      <g fill={`url(#${ids.shade})`}>{spec.body}</g>
      <g fill={`url(#${ids.vshade})`}>{spec.body}</g>
      {spec.details(ids, dark)}
      <g fill="none" stroke={outline} strokeWidth={1.5} strokeLinejoin="round">
        {spec.body}
      </g>
    </svg>
  );
}
