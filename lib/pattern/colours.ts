// Colour words → exact sRGB. Names come from color-name-list (MIT, npm `color-name-list`, the
// hand-picked "bestof" set), the CSS/X11 keywords, a table of everyday shades whose common
// meaning differs from those sources, and basic colour words in 14 languages. A modifier
// ("light", "bleu clair", "hellblau") lands on the English shade of that name where there is one
// ("light blue"), else moves lightness and chroma in OKLCh; distances are CIEDE2000 in CIELAB.
import fs from 'node:fs';
import { packageRequire } from './package-files';
import path from 'node:path';
import type { Hex, NamedColour } from './types';

export const COLOUR_NAMES_SOURCE = {
  package: 'color-name-list',
  file: 'dist/colornames.bestof.json',
  licence: 'MIT',
} as const;

// ───────────────────────────── colour maths ─────────────────────────────

export type Lab = [number, number, number];

const toHex2 = (v: number) => Math.round(Math.min(255, Math.max(0, v))).toString(16).padStart(2, '0');

export function hexToRgb(hex: string): [number, number, number] {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  return [parseInt(full.slice(0, 2), 16), parseInt(full.slice(2, 4), 16), parseInt(full.slice(4, 6), 16)];
}

export function rgbToHex(r: number, g: number, b: number): Hex {
  return `#${toHex2(r)}${toHex2(g)}${toHex2(b)}`;
}

const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const fromLinear = (c: number) => (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);

// D65 white, the sRGB reference white, so a neutral grey has a = b = 0.
const XN = 0.95047;
const YN = 1;
const ZN = 1.08883;
const EPS = 216 / 24389;
const KAPPA = 24389 / 27;

export function rgbToLab(r: number, g: number, b: number): Lab {
  const R = toLinear(r / 255);
  const G = toLinear(g / 255);
  const B = toLinear(b / 255);
  const x = (0.4124564 * R + 0.3575761 * G + 0.1804375 * B) / XN;
  const y = (0.2126729 * R + 0.7151522 * G + 0.072175 * B) / YN;
  const z = (0.0193339 * R + 0.119192 * G + 0.9503041 * B) / ZN;
  const f = (t: number) => (t > EPS ? Math.cbrt(t) : (KAPPA * t + 16) / 116);
  const fx = f(x);
  const fy = f(y);
  const fz = f(z);
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

export const hexToLab = (hex: string): Lab => rgbToLab(...hexToRgb(hex));

/** Lab → linear sRGB, unclamped (values outside 0…1 mean out of gamut). */
function labToLinearRgb([L, a, b]: Lab): [number, number, number] {
  const fy = (L + 16) / 116;
  const fx = fy + a / 500;
  const fz = fy - b / 200;
  const inv = (t: number) => (t ** 3 > EPS ? t ** 3 : (116 * t - 16) / KAPPA);
  const x = inv(fx) * XN;
  const y = (L > KAPPA * EPS ? fy ** 3 : L / KAPPA) * YN;
  const z = inv(fz) * ZN;
  return [
    3.2404542 * x - 1.5371385 * y - 0.4985314 * z,
    -0.969266 * x + 1.8760108 * y + 0.041556 * z,
    0.0556434 * x - 0.2040259 * y + 1.0572252 * z,
  ];
}

const inGamut = (rgb: number[]) => rgb.every((c) => c >= -1e-4 && c <= 1 + 1e-4);

/** Lab → hex; out-of-gamut colours lose chroma at constant lightness and hue, not hue. */
export function labToHex(lab: Lab): Hex {
  const L = Math.min(100, Math.max(0, lab[0]));
  let rgb = labToLinearRgb([L, lab[1], lab[2]]);
  if (!inGamut(rgb)) {
    let lo = 0;
    let hi = 1;
    for (let i = 0; i < 24; i++) {
      const mid = (lo + hi) / 2;
      if (inGamut(labToLinearRgb([L, lab[1] * mid, lab[2] * mid]))) lo = mid;
      else hi = mid;
    }
    rgb = labToLinearRgb([L, lab[1] * lo, lab[2] * lo]);
  }
  const [r, g, b] = rgb.map((c) => fromLinear(Math.min(1, Math.max(0, c))) * 255);
  return rgbToHex(r, g, b);
}

const DEG = Math.PI / 180;

/** CIEDE2000 (Sharma, Wu & Dalal 2005 formulation), kL = kC = kH = 1. */
export function deltaE2000Lab(lab1: Lab, lab2: Lab): number {
  const [L1, a1, b1] = lab1;
  const [L2, a2, b2] = lab2;
  const Cab = (Math.hypot(a1, b1) + Math.hypot(a2, b2)) / 2;
  const Cab7 = Cab ** 7;
  const G = 0.5 * (1 - Math.sqrt(Cab7 / (Cab7 + 25 ** 7)));
  const a1p = (1 + G) * a1;
  const a2p = (1 + G) * a2;
  const C1 = Math.hypot(a1p, b1);
  const C2 = Math.hypot(a2p, b2);
  const hue = (b: number, ap: number) => {
    if (b === 0 && ap === 0) return 0;
    const h = Math.atan2(b, ap) / DEG;
    return h < 0 ? h + 360 : h;
  };
  const h1 = hue(b1, a1p);
  const h2 = hue(b2, a2p);
  const dL = L2 - L1;
  const dC = C2 - C1;
  let dh = 0;
  if (C1 * C2 !== 0) {
    dh = h2 - h1;
    if (dh > 180) dh -= 360;
    else if (dh < -180) dh += 360;
  }
  const dH = 2 * Math.sqrt(C1 * C2) * Math.sin((dh / 2) * DEG);
  const Lm = (L1 + L2) / 2;
  const Cm = (C1 + C2) / 2;
  let hm = h1 + h2;
  // The mean hue takes the short way round the circle; undefined hues (zero chroma) add in as is.
  if (C1 * C2 !== 0) {
    if (Math.abs(h1 - h2) <= 180) hm /= 2;
    else hm = hm < 360 ? (hm + 360) / 2 : (hm - 360) / 2;
  }
  const T = 1 - 0.17 * Math.cos((hm - 30) * DEG) + 0.24 * Math.cos(2 * hm * DEG) + 0.32 * Math.cos((3 * hm + 6) * DEG) - 0.2 * Math.cos((4 * hm - 63) * DEG);
  const dTheta = 30 * Math.exp(-(((hm - 275) / 25) ** 2));
  const Cm7 = Cm ** 7;
  const RC = 2 * Math.sqrt(Cm7 / (Cm7 + 25 ** 7));
  const SL = 1 + (0.015 * (Lm - 50) ** 2) / Math.sqrt(20 + (Lm - 50) ** 2);
  const SC = 1 + 0.045 * Cm;
  const SH = 1 + 0.015 * Cm * T;
  const RT = -Math.sin(2 * dTheta * DEG) * RC;
  const l = dL / SL;
  const c = dC / SC;
  const h = dH / SH;
  return Math.sqrt(l * l + c * c + h * h + RT * c * h);
}

export function deltaE2000(hexA: string, hexB: string): number {
  return deltaE2000Lab(hexToLab(hexA), hexToLab(hexB));
}

// ───────────────────────────── vocabulary ─────────────────────────────

/**
 * Everyday shades, where the common meaning (fashion, paint, the xkcd colour survey) differs
 * from the CSS keyword or the name list's value; these win over both.
 */
const EVERYDAY: Record<string, string> = {
  // Grey-green of the herb and of "sage" homewares; the list's #87ae73 is a plain mid green.
  sage: '9caf88', 'sage green': '9caf88',
  // Pastel ice-cream mint; Wikipedia's "mint" #3eb489 is a jade that shoppers would call green.
  mint: 'aaf0d1', 'mint green': 'aaf0d1',
  burgundy: '800020',
  // The flower and the clothing colour; CSS #e6e6fa is near-white and prints as white.
  lavender: 'b57edc',
  // Trouser khaki; CSS #f0e68c is a pale yellow.
  khaki: 'c3b091',
  // A true brown; CSS #a52a2a is brick red.
  brown: '964b00',
  // Spectral violet; CSS #ee82ee is a light orchid pink.
  violet: '8f00ff',
  // Beige of clothes and paint (xkcd survey); CSS #f5f5dc reads as off-white.
  beige: 'e6daa6',
  // Deep fruit purple; CSS plum #dda0dd is a pale lilac.
  plum: '8e4585',
  // CSS "darkgray" is lighter than "gray"; shoppers mean a grey darker than grey.
  'dark grey': '404040', 'dark gray': '404040',
  olive: '808000', 'olive green': '708238',
  terracotta: 'cb6843',
  // Golden mustard of clothes; Wikipedia's #ffdb58 is a plain pale yellow.
  mustard: 'e1ad01', 'mustard yellow': 'e1ad01',
  teal: '008080', navy: '000080', 'navy blue': '000080', coral: 'ff7f50',
  // xkcd survey "blush": a soft pink-peach; Wikipedia's #de5d83 is a deep cosmetic pink.
  blush: 'f29e8e', 'blush pink': 'f29e8e',
  'dusty rose': 'c0737a', 'dusty pink': 'd58a94', 'dusty blue': '5a86ad',
  'forest green': '228b22', 'baby blue': 'a2cffe', 'baby pink': 'ffb7ce',
  charcoal: '36454f', 'charcoal grey': '36454f', 'charcoal gray': '36454f',
  // Cream is a warm off-white; the list's #ffffc2 is a lemon tint.
  cream: 'fffdd0', ivory: 'fffff0', maroon: '800000',
  // Pantone 13-1023 Peach Fuzz; the list's #ffb07c is closer to apricot.
  peach: 'ffbe98',
  // xkcd survey "rose": a mid pink; Wikipedia's #ff007f is a neon magenta-pink.
  rose: 'cf6275',
  rust: 'b7410e', salmon: 'fa8072', lilac: 'c8a2c8',
  // xkcd survey "mauve": the dusky pink-purple; Wikipedia's #e0b0ff is a bright lilac.
  mauve: 'ae7181',
  'burnt orange': 'cc5500', 'hot pink': 'ff69b4', 'powder blue': 'b0e0e6', 'sky blue': '87ceeb',
  'royal blue': '4169e1', cobalt: '0047ab', 'cobalt blue': '0047ab', 'electric blue': '7df9ff',
  denim: '1560bd', cornflower: '6495ed', 'cornflower blue': '6495ed', periwinkle: 'ccccff',
  fuchsia: 'ff00ff', raspberry: 'e30b5d', 'cherry red': 'd2042d', scarlet: 'ff2400', ruby: '9b111e',
  wine: '722f37', 'wine red': '722f37', oxblood: '4a0000', 'brick red': 'cb4154', vermilion: 'e34234',
  'blood red': '8a0303', tangerine: 'f28500', apricot: 'fbceb1', amber: 'ffbf00', ochre: 'cc7722',
  'lemon yellow': 'fff44f', 'canary yellow': 'ffef00', 'butter yellow': 'fffd74', 'lime green': '32cd32',
  'kelly green': '4cbb17', emerald: '50c878', 'emerald green': '50c878', jade: '00a86b',
  seafoam: '9fe2bf', 'seafoam green': '9fe2bf', pistachio: '93c572', moss: '8a9a5b', 'moss green': '8a9a5b',
  'hunter green': '355e3b', 'bottle green': '006a4e', 'army green': '4b5320', 'sea green': '2e8b57',
  petrol: '005f6a', 'rose gold': 'b76e79', 'rose pink': 'ff66cc', champagne: 'f7e7ce',
  taupe: '8b8589', camel: 'c19a6b', 'chocolate brown': '7b3f00', coffee: '6f4e37', mocha: '967969',
  sand: 'c2b280', 'off white': 'faf9f6', eggshell: 'f0ead6', bone: 'e3dac9', pearl: 'eae0c8',
  gunmetal: '2a3439', graphite: '383838', 'ash grey': 'b2beb5', 'ash gray': 'b2beb5',
  'neon green': '39ff14', 'neon pink': 'ff10f0', 'neon yellow': 'cfff04', 'neon orange': 'ff5f1f',
  'neon blue': '04d9ff', 'pastel pink': 'ffd1dc', 'pastel blue': 'aec6cf', 'pastel green': '77dd77',
  'pastel yellow': 'fdfd96', 'pastel purple': 'b39eb5', 'pastel orange': 'ffb347',
  bronze: 'cd7f32', copper: 'b87333', amethyst: '9966cc', grape: '6f2da8', magenta: 'ff00ff',
  aqua: '00ffff', turquoise: '40e0d0', cyan: '00ffff', crimson: 'dc143c', cerulean: '007ba7',
  sapphire: '0f52ba', 'midnight blue': '191970', 'ice blue': 'd6ecef', nude: 'e3bc9a',
  // The sky-blue of heraldry and the colour wheel; CSS #f0ffff is a white.
  azure: '007fff',
  gold: 'ffd700', silver: 'c0c0c0', chartreuse: '7fff00', indigo: '4b0082', honey: 'eba937',
  caramel: 'c68e17', 'dusty purple': '825f87', 'pale pink': 'fadadd', 'light pink': 'ffb6c1',
};

// CSS Color 4 keywords (shared with X11), with the word breaks shoppers type.
const CSS = `alice blue f0f8ff|antique white faebd7|aqua 00ffff|aquamarine 7fffd4|azure f0ffff|beige f5f5dc|bisque ffe4c4|black 000000|blanched almond ffebcd|blue 0000ff|blue violet 8a2be2|brown a52a2a|burly wood deb887|cadet blue 5f9ea0|chartreuse 7fff00|chocolate d2691e|coral ff7f50|cornflower blue 6495ed|cornsilk fff8dc|crimson dc143c|cyan 00ffff|dark blue 00008b|dark cyan 008b8b|dark goldenrod b8860b|dark gray a9a9a9|dark green 006400|dark grey a9a9a9|dark khaki bdb76b|dark magenta 8b008b|dark olive green 556b2f|dark orange ff8c00|dark orchid 9932cc|dark red 8b0000|dark salmon e9967a|dark sea green 8fbc8f|dark slate blue 483d8b|dark slate gray 2f4f4f|dark slate grey 2f4f4f|dark turquoise 00ced1|dark violet 9400d3|deep pink ff1493|deep sky blue 00bfff|dim gray 696969|dim grey 696969|dodger blue 1e90ff|fire brick b22222|floral white fffaf0|forest green 228b22|fuchsia ff00ff|gainsboro dcdcdc|ghost white f8f8ff|gold ffd700|goldenrod daa520|gray 808080|green 008000|green yellow adff2f|grey 808080|honeydew f0fff0|hot pink ff69b4|indian red cd5c5c|indigo 4b0082|ivory fffff0|khaki f0e68c|lavender e6e6fa|lavender blush fff0f5|lawn green 7cfc00|lemon chiffon fffacd|light blue add8e6|light coral f08080|light cyan e0ffff|light goldenrod yellow fafad2|light gray d3d3d3|light green 90ee90|light grey d3d3d3|light pink ffb6c1|light salmon ffa07a|light sea green 20b2aa|light sky blue 87cefa|light slate gray 778899|light slate grey 778899|light steel blue b0c4de|light yellow ffffe0|lime 00ff00|lime green 32cd32|linen faf0e6|magenta ff00ff|maroon 800000|medium aquamarine 66cdaa|medium blue 0000cd|medium orchid ba55d3|medium purple 9370db|medium sea green 3cb371|medium slate blue 7b68ee|medium spring green 00fa9a|medium turquoise 48d1cc|medium violet red c71585|midnight blue 191970|mint cream f5fffa|misty rose ffe4e1|moccasin ffe4b5|navajo white ffdead|navy 000080|old lace fdf5e6|olive 808000|olive drab 6b8e23|orange ffa500|orange red ff4500|orchid da70d6|pale goldenrod eee8aa|pale green 98fb98|pale turquoise afeeee|pale violet red db7093|papaya whip ffefd5|peach puff ffdab9|peru cd853f|pink ffc0cb|plum dda0dd|powder blue b0e0e6|purple 800080|rebecca purple 663399|red ff0000|rosy brown bc8f8f|royal blue 4169e1|saddle brown 8b4513|salmon fa8072|sandy brown f4a460|sea green 2e8b57|seashell fff5ee|sienna a0522d|silver c0c0c0|sky blue 87ceeb|slate blue 6a5acd|slate gray 708090|slate grey 708090|snow fffafa|spring green 00ff7f|steel blue 4682b4|tan d2b48c|teal 008080|thistle d8bfd8|tomato ff6347|turquoise 40e0d0|violet ee82ee|wheat f5deb3|white ffffff|white smoke f5f5f5|yellow ffff00|yellow green 9acd32`;

/** The eleven basic colour terms (Berlin & Kay) and their English plurals. */
const BASIC: Record<string, string> = {
  red: 'ff0000', orange: 'ffa500', yellow: 'ffff00', green: '008000', blue: '0000ff', purple: '800080',
  pink: 'ffc0cb', brown: '964b00', black: '000000', white: 'ffffff', grey: '808080', gray: '808080',
  // Frequent secondary words in other languages.
  navy: '000080', 'light blue': 'add8e6', gold: 'ffd700', silver: 'c0c0c0', turquoise: '40e0d0',
  violet: '8f00ff', beige: 'e6daa6', burgundy: '800020', cyan: '00ffff', lilac: 'c8a2c8', mint: 'aaf0d1',
};

// Basic colour words in other languages, with the inflections adjectives take.
type Basic = keyof typeof BASIC;
/** Spanish and Portuguese -o adjectives: rojo, roja, rojos, rojas. */
const es = (stem: string) => [`${stem}o`, `${stem}a`, `${stem}os`, `${stem}as`];
const itAdj = (stem: string) => [`${stem}o`, `${stem}a`, `${stem}i`, `${stem}e`];
const frAdj = (w: string, fem = `${w}e`) => [w, fem, `${w}s`, `${fem}s`];
const deAdj = (w: string) => ['', 'e', 'en', 'er', 'es', 'em'].map((e) => w + e);
const plAdj = (stem: string) => ['y', 'a', 'e', 'ego', 'ej', 'emu', 'ych', 'ym', 'ymi', 'ą'].map((e) => stem + e);
const plAdjK = (stem: string) => ['i', 'a', 'ie', 'iego', 'iej', 'iemu', 'ich', 'im', 'imi', 'ą'].map((e) => stem + e);
const ruHard = (stem: string) => ['ый', 'ая', 'ое', 'ые', 'ого', 'ой', 'ому', 'ую', 'ым', 'ом', 'ых', 'ыми'].map((e) => stem + e);
const ruStressed = (stem: string) => ['ой', 'ая', 'ое', 'ые', 'ого', 'ому', 'ую', 'ым', 'ом', 'ых', 'ыми'].map((e) => stem + e);
const ruSoft = (stem: string) => ['ий', 'яя', 'ее', 'ие', 'его', 'ей', 'ему', 'юю', 'им', 'ем', 'их', 'ими'].map((e) => stem + e);

const foreign: [string, Partial<Record<Basic, string[]>>][] = [
  ['es', {
    red: es('roj'), blue: ['azul', 'azules'], green: ['verde', 'verdes'], yellow: es('amarill'), white: es('blanc'),
    black: es('negr'), pink: ['rosa', 'rosas', ...es('rosad')], purple: [...es('morad'), 'púrpura', 'purpura'],
    orange: ['naranja', 'naranjas', ...es('anaranjad')], brown: ['marrón', 'marron', 'marrones'], grey: ['gris', 'grises'],
    gold: es('dorad'), silver: es('platead'), 'light blue': ['celeste', 'celestes'], turquoise: ['turquesa', 'turquesas'],
    violet: ['violeta', 'violetas'], lilac: ['lila', 'lilas'], burgundy: ['granate', 'granates', 'burdeos'],
  }],
  ['pt', {
    red: es('vermelh'), blue: ['azul', 'azuis'], green: ['verde', 'verdes'], yellow: es('amarel'), white: es('branc'),
    black: es('pret'), pink: ['rosa', 'rosas'], purple: es('rox'), orange: ['laranja', 'laranjas'],
    brown: ['marrom', 'marrons', ...es('castanh')], grey: ['cinza', 'cinzas', 'cinzento', 'cinzenta'], gold: es('dourad'),
    silver: ['prata', ...es('pratead')], lilac: ['lilás'], 'light blue': ['azul-claro'],
  }],
  ['fr', {
    red: ['rouge', 'rouges'], blue: frAdj('bleu'), green: frAdj('vert'), yellow: ['jaune', 'jaunes'],
    white: frAdj('blanc', 'blanche'), black: frAdj('noir'), purple: frAdj('violet', 'violette'), pink: [],
    orange: [], brown: ['marron', ...frAdj('brun')], grey: ['gris', 'grise', 'grises'], gold: frAdj('doré', 'dorée'),
    silver: frAdj('argenté', 'argentée'), turquoise: [], beige: ['beiges'], burgundy: ['bordeaux'],
  }],
  ['de', {
    red: deAdj('rot'), blue: deAdj('blau'), green: [...deAdj('grün'), ...deAdj('gruen')], yellow: deAdj('gelb'),
    white: [...deAdj('weiß'), ...deAdj('weiss')], black: deAdj('schwarz'), pink: ['rosa', 'rosane', 'pinke', 'pinken'],
    purple: ['lila', ...deAdj('violett')], orange: ['orangene', 'orangenen', 'orangener', 'orangenes'],
    brown: deAdj('braun'), grey: deAdj('grau'), gold: deAdj('golden'), silver: deAdj('silbern'), turquoise: deAdj('türkis'),
  }],
  ['it', {
    red: itAdj('ross'), blue: ['blu'], green: ['verde', 'verdi'], yellow: itAdj('giall'),
    white: ['bianco', 'bianca', 'bianchi', 'bianche'], black: itAdj('ner'), pink: ['rosa'], purple: ['viola'],
    orange: ['arancione', 'arancioni', 'arancio'], brown: ['marrone', 'marroni'], grey: ['grigio', 'grigia', 'grigi', 'grigie'],
    gold: ['oro', ...itAdj('dorat')], silver: ['argento', ...itAdj('argentat')], 'light blue': ['celeste', 'celesti'],
    turquoise: ['turchese', 'turchesi'], burgundy: ['bordò'], lilac: ['lilla'],
  }],
  ['nl', {
    red: ['rood', 'rode'], blue: ['blauw', 'blauwe'], green: ['groen', 'groene'], yellow: ['geel', 'gele'],
    white: ['wit', 'witte'], black: ['zwart', 'zwarte'], pink: ['roze'], purple: ['paars', 'paarse'], orange: ['oranje'],
    brown: ['bruin', 'bruine'], grey: ['grijs', 'grijze'], gold: ['goud', 'gouden'], silver: ['zilver', 'zilveren'],
    'light blue': ['lichtblauw', 'lichtblauwe'],
  }],
  ['pl', {
    red: plAdj('czerwon'), blue: plAdjK('niebiesk'), green: plAdj('zielon'), yellow: plAdj('żółt'), white: plAdj('biał'),
    black: plAdj('czarn'), pink: plAdj('różow'), purple: plAdj('fioletow'), orange: plAdj('pomarańczow'),
    brown: plAdj('brązow'), grey: plAdj('szar'), gold: plAdj('złot'), silver: plAdj('srebrn'), navy: plAdj('granatow'),
    'light blue': plAdj('błękitn'), turquoise: plAdj('turkusow'), beige: plAdj('beżow'), burgundy: plAdj('bordow'),
  }],
  ['ru', {
    red: ruHard('красн'), blue: ruSoft('син'), 'light blue': ruStressed('голуб'), green: [...ruHard('зелён'), ...ruHard('зелен')],
    yellow: [...ruHard('жёлт'), ...ruHard('желт')], white: ruHard('бел'), black: [...ruHard('чёрн'), ...ruHard('черн')],
    pink: ruHard('розов'), purple: ruHard('фиолетов'), orange: ruHard('оранжев'), brown: ruHard('коричнев'),
    grey: ruHard('сер'), gold: ruStressed('золот'), silver: ruHard('серебрян'), burgundy: ruHard('бордов'),
    turquoise: ruHard('бирюзов'),
  }],
  ['sv', {
    red: ['röd', 'rött', 'röda'], blue: ['blå', 'blått', 'blåa'], green: ['grön', 'grönt', 'gröna'], yellow: ['gul', 'gult', 'gula'],
    white: ['vit', 'vitt', 'vita'], black: ['svart', 'svarta'], pink: ['rosa'], purple: ['lila'], brown: ['brun', 'brunt', 'bruna'],
    grey: ['grå', 'grått', 'gråa'], gold: ['guld', 'guldig', 'guldiga'], silver: ['silvrig', 'silvriga'],
  }],
  ['tr', {
    red: ['kırmızı'], blue: ['mavi'], green: ['yeşil'], yellow: ['sarı'], white: ['beyaz'], black: ['siyah'], pink: ['pembe'],
    purple: ['mor'], orange: ['turuncu'], brown: ['kahverengi'], grey: ['gri'], gold: ['altın'], silver: ['gümüş'],
    navy: ['lacivert'], burgundy: ['bordo'], turquoise: ['turkuaz'],
  }],
];

// Chinese, Japanese and Korean are written without spaces, so these are found inside a token;
// longer forms first.
const CJK_WORDS: [string, Basic | string][] = [
  // zh (simplified and traditional)
  ['粉红色', 'pink'], ['粉紅色', 'pink'], ['粉红', 'pink'], ['粉紅', 'pink'], ['粉色', 'pink'], ['红色', 'red'], ['紅色', 'red'],
  ['蓝色', 'blue'], ['藍色', 'blue'], ['绿色', 'green'], ['綠色', 'green'], ['黄色', 'yellow'], ['黃色', 'yellow'],
  ['白色', 'white'], ['黑色', 'black'], ['紫色', 'purple'], ['橙色', 'orange'], ['橘色', 'orange'], ['棕色', 'brown'],
  ['咖啡色', 'brown'], ['褐色', 'brown'], ['灰色', 'grey'], ['金色', 'gold'], ['银色', 'silver'], ['銀色', 'silver'],
  ['天蓝色', 'sky blue'], ['天蓝', 'sky blue'], ['天藍', 'sky blue'], ['藏青色', 'navy'], ['藏青', 'navy'], ['海军蓝', 'navy'],
  ['米色', 'beige'], ['酒红色', 'burgundy'], ['酒红', 'burgundy'], ['薄荷绿', 'mint'], ['青色', 'cyan'],
  // ja
  ['黄色い', 'yellow'], ['赤い', 'red'], ['青い', 'blue'], ['白い', 'white'], ['黒い', 'black'], ['赤色', 'red'], ['青色', 'blue'],
  ['緑色', 'green'], ['紫色', 'purple'], ['茶色', 'brown'], ['灰色', 'grey'], ['水色', 'light blue'], ['紺色', 'navy'],
  ['桃色', 'pink'], ['橙色', 'orange'], ['ピンク', 'pink'], ['オレンジ', 'orange'], ['グレー', 'grey'], ['ベージュ', 'beige'],
  ['ゴールド', 'gold'], ['シルバー', 'silver'], ['ネイビー', 'navy'],
  // ko
  ['빨간색', 'red'], ['빨간', 'red'], ['빨강', 'red'], ['파란색', 'blue'], ['파란', 'blue'], ['파랑', 'blue'], ['초록색', 'green'],
  ['초록', 'green'], ['녹색', 'green'], ['노란색', 'yellow'], ['노란', 'yellow'], ['노랑', 'yellow'], ['흰색', 'white'],
  ['하얀색', 'white'], ['하얀', 'white'], ['흰', 'white'], ['검은색', 'black'], ['검은', 'black'], ['검정', 'black'],
  ['분홍색', 'pink'], ['분홍', 'pink'], ['핑크', 'pink'], ['보라색', 'purple'], ['보라', 'purple'], ['주황색', 'orange'],
  ['주황', 'orange'], ['갈색', 'brown'], ['회색', 'grey'], ['금색', 'gold'], ['은색', 'silver'], ['남색', 'navy'],
  ['하늘색', 'sky blue'],
  // single characters last (zh and ja share them)
  ['红', 'red'], ['紅', 'red'], ['赤', 'red'], ['蓝', 'blue'], ['藍', 'blue'], ['青', 'blue'], ['绿', 'green'], ['綠', 'green'],
  ['緑', 'green'], ['黄', 'yellow'], ['黃', 'yellow'], ['白', 'white'], ['黑', 'black'], ['黒', 'black'], ['紫', 'purple'],
  ['橙', 'orange'], ['灰', 'grey'], ['紺', 'navy'],
];
const CJK_MODIFIERS: [string, Modifier][] = [['浅', 'light'], ['淺', 'light'], ['淡', 'pale'], ['薄い', 'pale'], ['深', 'dark'], ['暗', 'dark'], ['濃い', 'deep'], ['亮', 'bright'], ['荧光', 'neon'], ['螢光', 'neon'], ['蛍光', 'neon']];
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/u;

// ───────────────────────────── modifiers ─────────────────────────────

type Modifier = 'light' | 'pale' | 'pastel' | 'soft' | 'dark' | 'deep' | 'bright' | 'neon' | 'muted' | 'rich';

// Modifiers work in OKLab (Ottosson 2020), a Lab space whose hue lines stay straight: lightening
// #0000ff at constant CIELAB hue gives #a981ff, a violet; at constant OKLCh hue it stays blue.
function hexToOklab(hex: string): Lab {
  const [r, g, b] = hexToRgb(hex).map((c) => toLinear(c / 255));
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return [0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s, 1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s, 0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s];
}

function oklabToLinear([L, a, b]: Lab): [number, number, number] {
  const l = (L + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m = (L - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (L - 0.0894841775 * a - 1.291485548 * b) ** 3;
  return [4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s, -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s, -0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s];
}

/** OKLCh → hex; out of gamut, chroma goes before hue or lightness do. */
function oklchToHex(L: number, C: number, h: number): Hex {
  const at = (c: number) => oklabToLinear([L, c * Math.cos(h), c * Math.sin(h)]);
  let rgb = at(C);
  if (!inGamut(rgb)) {
    let lo = 0;
    let hi = C;
    for (let i = 0; i < 24; i++) {
      const mid = (lo + hi) / 2;
      if (inGamut(at(mid))) lo = mid;
      else hi = mid;
    }
    rgb = at(lo);
  }
  const [r, g, b] = rgb.map((c) => fromLinear(Math.min(1, Math.max(0, c))) * 255);
  return rgbToHex(r, g, b);
}

/** A modifier in OKLCh: lightness moved toward white or black, chroma scaled; hue kept. */
function modify(hex: string, m: Modifier, strength = 1): Hex {
  const [L, a, b] = hexToOklab(hex);
  const C = Math.hypot(a, b);
  const h = Math.atan2(b, a);
  let L2 = L;
  let C2 = C;
  const up = (f: number) => L + (1 - L) * Math.min(0.85, f * strength);
  const down = (f: number) => L * (1 - Math.min(0.75, f * strength));
  switch (m) {
    case 'light': L2 = up(0.45); C2 = C * 0.75; break;
    case 'pale': L2 = up(0.6); C2 = C * 0.45; break;
    case 'soft': L2 = up(0.3); C2 = C * 0.65; break;
    // Pastel: high lightness and low chroma whatever the base was.
    case 'pastel': L2 = Math.max(L, 0.88); C2 = Math.min(C * 0.5, 0.08); break;
    case 'dark': L2 = down(0.4); C2 = C * 0.9; break;
    case 'deep': L2 = down(0.28); C2 = C * 1.15; break;
    case 'rich': L2 = down(0.12); C2 = C * 1.2; break;
    case 'muted': L2 = L + (0.65 - L) * 0.3; C2 = C * 0.45; break;
    case 'bright': L2 = L + (Math.max(L, 0.68) - L) * 0.5; C2 = C * 1.4 + 0.02; break;
    // Neon: as much chroma as sRGB allows at a high lightness (the gamut map trims it).
    case 'neon': L2 = Math.min(0.9, Math.max(L, 0.72)); C2 = 0.4; break;
  }
  return oklchToHex(L2, C2, h);
}

const PREFIX_MODIFIERS = new Map<string, Modifier>(Object.entries({
  light: 'light', lite: 'light', pale: 'pale', pastel: 'pastel', soft: 'soft', dark: 'dark', deep: 'deep',
  bright: 'bright', vivid: 'bright', neon: 'neon', fluorescent: 'neon', fluoro: 'neon', fluo: 'neon', muted: 'muted',
  dusty: 'muted', dull: 'muted', faded: 'pale', washed: 'pale', rich: 'rich', 'washed out': 'pale',
  // Prefixes written apart or hyphenated in other languages.
  светло: 'light', тёмно: 'dark', темно: 'dark', ярко: 'bright', jasno: 'light', ciemno: 'dark',
  hell: 'light', dunkel: 'dark', licht: 'light', donker: 'dark', ljus: 'light', mörk: 'dark',
  светлый: 'light', тёмный: 'dark', темный: 'dark', jasny: 'light', ciemny: 'dark',
}) as [string, Modifier][]);
const INTENSIFIERS = new Set(['very', 'really', 'super', 'extra', 'muy', 'très', 'tres', 'sehr', 'molto', 'muito', 'heel', 'bardzo', 'очень']);
const POSTFIX_MODIFIERS = new Map<string, Modifier>();
for (const [words, m] of [
  [[...es('clar'), 'clair', 'claire', 'clairs', 'claires', ...itAdj('chiar')], 'light'],
  [[...es('oscur'), ...es('escur'), 'foncé', 'foncée', 'foncés', 'foncées', ...itAdj('scur'), 'profundo', 'profonde'], 'dark'],
  [['pâle', 'pâles', 'pálido', 'pálida', 'pallido', 'pallida'], 'pale'],
  [['pastel', 'pasteles', 'pastello', 'pastelli', 'pastéis'], 'pastel'],
  [['vif', 'vive', 'vifs', 'vives', 'vivo', 'viva', 'vivos', 'vivas', 'brillante', 'brillantes', 'intenso', 'intensa', 'intense'], 'bright'],
  [['neón', 'néon', 'neon', 'fluo', 'flúor', 'fluor', 'fluorescente', 'fluorescent'], 'neon'],
] as [string[], Modifier][]) for (const w of words) POSTFIX_MODIFIERS.set(w, m);
// One-word compounds: hellblau, dunkelgrüne, lichtblauw, ljusblå, jasnoniebieski, светлоголубой.
const COMPOUND_PREFIXES: [string, Modifier][] = [['pastell', 'pastel'], ['hell', 'light'], ['dunkel', 'dark'], ['licht', 'light'], ['donker', 'dark'], ['ljus', 'light'], ['mörk', 'dark'], ['jasno', 'light'], ['ciemno', 'dark'], ['светло', 'light'], ['тёмно', 'dark'], ['темно', 'dark'], ['neon', 'neon']];
/** Words after a colour that say it is one: "red-coloured", "gamboge colour", "rosso colore". */
const COLOUR_NOUNS = new Set(['colour', 'color', 'coloured', 'colored', 'colours', 'colors', 'tone', 'toned', 'tones', 'shade', 'hue', 'colore', 'couleur', 'farbe', 'farben', 'farbig', 'kleur', 'kolor', 'цвет', 'цвета', 'cor']);

// ───────────────────────────── palettes ─────────────────────────────

const PALETTES: Record<string, string[]> = {
  pastel: ['ffd1dc', 'aec6cf', 'b5ead7', 'fdfd96', 'cbaacb', 'ffdac1'],
  'earth tones': ['7b3f00', 'cc7722', 'a0522d', 'cb6843', '6b8e23', 'e3d3b8'],
  '70s': ['cc5500', 'da9100', '568203', '6f4e37', 'f4e1c1'],
  '80s': ['ff6ec7', '00c2c7', 'ffd400', '7b2cbf', '111111'],
  '90s': ['008080', 'ff6f61', '6b5b95', 'ffd662', '88b04b'],
  '60s': ['ff6f00', 'ffd600', 'd81b60', '8e24aa', '00897b'],
  neon: ['39ff14', 'ff10f0', '04d9ff', 'cfff04', 'ff5f1f'],
  monochrome: ['000000', '404040', '808080', 'bfbfbf', 'ffffff'],
  'jewel tones': ['009473', '0f52ba', '9b111e', '9966cc', 'e4a010'],
  autumn: ['cc5500', '8b0000', 'daa520', '6b4226', '808000', 'e97451'],
  christmas: ['c8102e', '006b3f', 'ffffff', 'd4af37'],
  ocean: ['001f3f', '0074d9', '00a8a8', '7fdbff', 'e0f7fa'],
  sunset: ['ffd166', 'ff8c42', 'ff5e5b', 'c0397b', '3d1c5b'],
  vintage: ['d8c3a5', 'e98074', '6b7a8f', 'a8a47a', '8e5b4b'],
  boho: ['c96f4a', 'e6b655', '8a9a5b', 'd8b9a0', '7d4e57'],
  rainbow: ['e40303', 'ff8c00', 'ffed00', '008026', '004dff', '750787'],
  halloween: ['ff7518', '000000', '5b2a86', '7fba00'],
  spring: ['f7cac9', 'b5e48c', 'ffe066', 'a0d8ef', 'd7bde2'],
  summer: ['ffd23f', 'ff6b6b', '4ecdc4', '1a8fe3', 'ffa630'],
  winter: ['ffffff', 'dbe9f4', '8fb8de', '3e5c76', '1b2a41'],
  valentine: ['c9184a', 'ff4d6d', 'ffb3c1', 'ffffff', '800f2f'],
  neutral: ['f5f0e6', 'd6c7b0', 'a89f91', '6e6259', '2f2f2f'],
  nordic: ['f4f4f0', 'd9d4c7', '9fb1b5', '4f6d7a', 'c0a080'],
  warm: ['d62828', 'f77f00', 'fcbf49', '9e2a2b'],
  cool: ['1d3557', '457b9d', 'a8dadc', '2a9d8f', '6a4c93'],
  gothic: ['000000', '3b0a2a', '4b0082', '8b0000', '36454f'],
  beach: ['f4e4c1', '00a6d6', '7fd1d8', 'ffffff', 'ff8c69'],
  desert: ['edc9af', 'c19a6b', 'e2725b', '8c6e54', 'a5a58d'],
};

/** Words and phrases that ask for a palette, in several languages. */
const PALETTE_WORDS: Record<string, string[]> = {
  pastel: ['pastel', 'pastels', 'pastell', 'pastello', 'pastelli', 'pastelowy', 'pastelowe', 'pastelowych', 'пастельный', 'пастельные', 'パステル', '马卡龙色', 'pastel colours', 'pastel colors', 'couleurs pastel', 'colores pastel', 'pastellfarben', 'colori pastello', 'cores pastel'],
  'earth tones': ['earth tones', 'earth tone', 'earthy', 'earth colours', 'earth colors', 'earthy tones', 'tonos tierra', 'colores tierra', 'tons terreux', 'tons terre', 'couleurs terre', 'erdtöne', 'erdfarben', 'toni della terra', 'colori della terra', 'tons terrosos', 'aardetinten', 'ziemiste', 'земляные тона'],
  '70s': ['70s', '1970s', "70's", 'seventies', 'retro 70s', '70er', 'años 70', 'années 70', 'anni 70', 'anos 70', 'jaren 70', 'lata 70'],
  '80s': ['80s', '1980s', "80's", 'eighties', 'retro 80s', '80er', 'años 80', 'années 80', 'anni 80', 'anos 80', 'jaren 80', 'lata 80'],
  '90s': ['90s', '1990s', "90's", 'nineties', '90er', 'años 90', 'années 90', 'anni 90', 'anos 90'],
  '60s': ['60s', '1960s', "60's", 'sixties', 'groovy', 'psychedelic', '60er', 'años 60', 'années 60', 'anni 60'],
  neon: ['neon', 'neons', 'néon', 'neón', 'fluo', 'fluorescent', 'fluorescente', 'неон', 'неоновый', 'неоновые', 'ネオン', '霓虹', '荧光色'],
  monochrome: ['monochrome', 'monochromatic', 'mono', 'greyscale', 'grayscale', 'monocromo', 'monocromático', 'monochrom', 'monocromatico', 'monochromatyczny', 'монохром', 'монохромный', 'モノクロ', '黑白'],
  'jewel tones': ['jewel tones', 'jewel tone', 'jewel colours', 'jewel colors', 'tonos joya', 'tons bijou', 'juwelentöne', 'toni gioiello'],
  autumn: ['autumn', 'autumnal', 'fall colours', 'fall colors', 'fall tones', 'otoño', 'otoñal', 'automne', 'automnal', 'herbst', 'herbstlich', 'autunno', 'autunnale', 'outono', 'outonal', 'herfst', 'jesień', 'jesienny', 'jesienne', 'осень', 'осенний', 'осенние', '秋', '秋天'],
  christmas: ['christmas', 'xmas', 'festive', 'navidad', 'navideño', 'navideña', 'noël', 'noel', 'weihnachten', 'weihnachtlich', 'natale', 'natalizio', 'natal', 'natalino', 'kerst', 'kerstmis', 'świąteczny', 'świąteczne', 'рождество', 'рождественский', 'новогодний', 'クリスマス', '圣诞', '聖誕'],
  ocean: ['ocean', 'oceanic', 'nautical', 'océano', 'océan', 'ozean', 'oceano', 'oceaan', 'oceaniczny', 'океан', 'морской', '海洋'],
  sunset: ['sunset', 'sundown', 'atardecer', 'puesta de sol', 'coucher de soleil', 'sonnenuntergang', 'tramonto', 'pôr do sol', 'zonsondergang', 'zachód słońca', 'закат', '夕焼け', '夕日', '日落', '夕阳'],
  vintage: ['vintage', 'винтаж', 'винтажный', 'ヴィンテージ', '复古'],
  boho: ['boho', 'bohemian', 'bohème', 'boheme', 'bohemio', 'bohemia', 'böhmisch', 'бохо'],
  rainbow: ['rainbow', 'arcoíris', 'arcoiris', 'arco iris', 'arc-en-ciel', 'regenbogen', 'arcobaleno', 'arco-íris', 'regenboog', 'tęcza', 'tęczowy', 'tęczowe', 'радуга', 'радужный', '虹', '彩虹'],
  halloween: ['halloween', 'хэллоуин', 'ハロウィン', '万圣节'],
  spring: ['spring', 'springtime', 'primavera', 'printemps', 'frühling', 'lente', 'wiosna', 'wiosenny', 'весна', 'весенний', '春'],
  summer: ['summer', 'summery', 'verano', 'été', 'sommer', 'estate', 'verão', 'zomer', 'lato', 'летний', 'лето', '夏'],
  winter: ['winter', 'wintry', 'invierno', 'hiver', 'inverno', 'zima', 'zimowy', 'зима', 'зимний', '冬'],
  valentine: ['valentine', "valentine's", 'valentines', 'san valentín', 'saint-valentin', 'valentinstag', 'san valentino'],
  neutral: ['neutral', 'neutrals', 'neutral tones', 'neutral colours', 'neutral colors', 'neutro', 'neutros', 'neutre', 'neutres', 'neutrale'],
  nordic: ['nordic', 'scandinavian', 'scandi', 'nórdico', 'nordique', 'skandinavisch', 'nordico', 'scandinavo'],
  warm: ['warm colours', 'warm colors', 'warm tones', 'colores cálidos', 'couleurs chaudes', 'warme farben', 'colori caldi'],
  cool: ['cool colours', 'cool colors', 'cool tones', 'colores fríos', 'couleurs froides', 'kalte farben', 'colori freddi'],
  gothic: ['gothic', 'goth', 'gótico', 'gothique', 'gotisch', 'gotico'],
  beach: ['beach', 'beachy', 'coastal', 'playa', 'plage', 'strand', 'spiaggia', 'praia', 'plaża', 'пляж'],
  desert: ['desert', 'desierto', 'désert', 'wüste', 'deserto', 'woestijn', 'pustynia', 'пустыня'],
};
/** Palette words that also name something drawable (a beach, a rainbow): see `ColourHit.thing`. */
const PALETTE_THINGS = new Set(['rainbow', 'christmas', 'halloween', 'ocean', 'sunset', 'beach', 'desert', 'spring', 'valentine']);

// Everyday colour words that also name something you can draw (a peach, an olive): still
// colours, flagged so the parser may prefer the motif when no other reading fits.
const THING_WORDS = new Set(['peach', 'olive', 'mint', 'lime', 'salmon', 'plum', 'chocolate', 'coffee', 'orange', 'sage', 'lavender', 'lilac', 'coral', 'honey', 'wine', 'grape', 'pistachio', 'camel', 'bone', 'pearl', 'sand', 'moss', 'tangerine', 'apricot', 'raspberry', 'amethyst', 'ruby', 'sapphire', 'emerald', 'jade', 'naranja', 'rosa', 'gold', 'silver', 'copper', 'bronze', 'denim', 'cream', 'rust', 'caramel']);
// Words that are a colour but more often something else in a prompt (a rose, a lemon, "dark"),
// or a colour in one language and a common word in another: a colour only with a modifier or a
// colour word beside them ("rose pâle", "pale lemon", "cherry-coloured").
const LOOSE_WORDS = new Set(['rose', 'roses', 'rosas', 'naranjas', 'laranjas', 'or', 'marine', 'dark', 'light', 'cool', 'warm', 'sky', 'cherry', 'lemon', 'banana', 'avocado', 'strawberry', 'pumpkin', 'peru', 'mono', 'wit', 'rot', 'mor', 'gul', 'vit', 'snow', 'tomato', 'orchid', 'seashell', 'wheat', 'thistle', 'moccasin', 'bisque', 'linen', 'honeydew']);
/** Last words that make a list name a colour phrase ("ocean boat blue", "dusty lilac"). */
const HEAD_WORDS = new Set([...Object.keys(BASIC).filter((w) => !w.includes(' ')), 'grey', 'gray', 'teal', 'navy', 'beige', 'ivory', 'khaki', 'aqua', 'scarlet', 'crimson', 'magenta', 'cyan', 'indigo', 'fuchsia', 'violet', 'lilac', 'mauve', 'taupe', 'maroon', 'burgundy', 'turquoise', 'chartreuse', 'cerulean', 'vermilion', 'ochre', 'umber', 'sienna', 'blush', 'mint', 'sage', 'coral', 'lavender', 'periwinkle', 'aquamarine', 'tan']);

// ───────────────────────────── the index ─────────────────────────────

interface Entry {
  colour: NamedColour;
  /**
   * 'word': a LOOSE_WORDS colour, a colour after a modifier or before a colour word.
   * 'name': a list name that is also an ordinary word or phrase, a colour only before a colour word.
   */
  loose?: 'word' | 'name';
  thing?: boolean;
  palette?: string;
  /** The English name it translates ("bleu" → "blue"), so "bleu foncé" can be CSS "dark blue". */
  en?: string;
}

interface Index {
  /** Normalised phrase → entry; what `findColours` may match in a prompt. */
  phrases: Map<string, Entry>;
  /** Every name `colourByName` resolves. */
  names: Map<string, NamedColour>;
  maxWords: number;
  cjk: [string, NamedColour, string][];
  /** Names a modifier may land on exactly: "light" + "blue" → CSS "light blue". */
  trusted: Set<string>;
  cjkPalettes: [string, Entry][];
}

let cached: Index | undefined;

export const normaliseName = (s: string): string =>
  s.normalize('NFC').toLowerCase().replace(/[’`]/g, "'").replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim();

const asHex = (h: string): Hex => `#${h.replace('#', '').toLowerCase()}` as Hex;

// Colour phrases of other languages, resolved to an English name.
const FOREIGN_PHRASES: [string, string][] = [['azul marino', 'navy'], ['bleu marine', 'navy'], ['blu navy', 'navy'], ['bleu ciel', 'sky blue'], ['azul cielo', 'sky blue'], ['azzurro cielo', 'sky blue'], ['azzurro', 'light blue'], ['azzurra', 'light blue'], ['azzurri', 'light blue'], ['azzurre', 'light blue'], ['himmelblau', 'sky blue'], ['hemelsblauw', 'sky blue'], ['marineblau', 'navy'], ['marineblauw', 'navy'], ['azul celeste', 'sky blue'], ['verde menta', 'mint'], ['vert menthe', 'mint'], ['mintgrün', 'mint'], ['verde oliva', 'olive'], ['vert olive', 'olive'], ['olivgrün', 'olive'], ['verde salvia', 'sage'], ['vert sauge', 'sage'], ['salbeigrün', 'sage'], ['rosa palo', 'blush'], ['rose poudré', 'blush'], ['altrosa', 'dusty rose'], ['vieux rose', 'dusty rose'], ['bordeaux', 'burgundy'], ['bordeauxrot', 'burgundy'], ['weinrot', 'wine'], ['terracota', 'terracotta'], ['terre cuite', 'terracotta'], ['senf', 'mustard'], ['senfgelb', 'mustard'], ['jaune moutarde', 'mustard'], ['amarillo mostaza', 'mustard'], ['mostaza', 'mustard'], ['moutarde', 'mustard'], ['senape', 'mustard'], ['lavanda', 'lavender'], ['lavande', 'lavender'], ['lavendel', 'lavender'], ['corail', 'coral'], ['korallrot', 'coral'], ['corallo', 'coral'], ['türkis', 'turquoise'], ['goldfarben', 'gold'], ['rosa chiaro', 'light pink'], ['rose clair', 'light pink'], ['rosa claro', 'light pink'], ['hellrosa', 'light pink'], ['bleu clair', 'light blue'], ['azul claro', 'light blue'], ['azzurro chiaro', 'light blue'], ['fucsia', 'fuchsia'], ['caqui', 'khaki'], ['kaki', 'khaki'], ['crema', 'cream'], ['crème', 'cream'], ['creme', 'cream'], ['avorio', 'ivory'], ['ivoire', 'ivory'], ['marfil', 'ivory'], ['elfenbein', 'ivory'], ['melocotón', 'peach'], ['pêche', 'peach'], ['pfirsich', 'peach'], ['salmón', 'salmon'], ['saumon', 'salmon'], ['lachs', 'salmon'], ['salmone', 'salmon'], ['malva', 'mauve'], ['verde azulado', 'teal'], ['bleu canard', 'teal'], ['ocre', 'ochre'], ['ocker', 'ochre'], ['óxido', 'rust'], ['rouille', 'rust'], ['rostrot', 'rust'], ['anthrazit', 'charcoal'], ['antracite', 'charcoal'], ['anthracite', 'charcoal'], ['antracita', 'charcoal']];

function build(): Index {
  const require = packageRequire;
  const file = path.join(path.dirname(require.resolve('color-name-list/package.json')), COLOUR_NAMES_SOURCE.file);
  const list = JSON.parse(fs.readFileSync(file, 'utf8')) as { name: string; hex: string }[];
  const phrases = new Map<string, Entry>();
  const names = new Map<string, NamedColour>();
  const put = (key: string, e: Entry) => {
    const k = normaliseName(key);
    if (!k) return;
    const colour = { ...e.colour, name: k };
    names.set(k, colour);
    phrases.set(k, { ...e, colour, loose: LOOSE_WORDS.has(k) ? 'word' : e.loose, thing: THING_WORDS.has(k) || undefined, en: e.en ?? k });
  };
  // Lowest priority first; each later table overrides.
  for (const { name, hex } of list) {
    const k = normaliseName(name);
    const words = k.split(' ');
    put(k, { colour: { name: k, hex: asHex(hex), source: 'color-name-list' }, loose: HEAD_WORDS.has(words[words.length - 1]) ? undefined : 'name' });
  }
  for (const item of CSS.split('|')) {
    const i = item.lastIndexOf(' ');
    const name = item.slice(0, i);
    const e: Entry = { colour: { name, hex: asHex(item.slice(i + 1)), source: 'color-name-list' } };
    put(name, e);
    if (name.includes(' ')) put(name.replace(/ /g, ''), e);
  }
  for (const [name, hex] of Object.entries(EVERYDAY)) put(name, { colour: { name, hex: asHex(hex), source: 'color-name-list' } });
  const english = new Set([...CSS.split('|').map((x) => x.slice(0, x.lastIndexOf(' '))), ...Object.keys(EVERYDAY)]);
  for (const [name, hex] of Object.entries(BASIC)) put(name, { colour: { name, hex: asHex(hex), source: 'basic' } });
  for (const p of ['reds', 'pinks', 'purples', 'yellows', 'blues', 'greens', 'greys', 'grays', 'browns', 'blacks', 'whites']) {
    put(p, { colour: { name: p, hex: asHex(BASIC[p.slice(0, -1)]), source: 'basic' } });
  }
  for (const [, table] of foreign) {
    for (const [basic, words] of Object.entries(table)) {
      for (const w of words ?? []) {
        const k = normaliseName(w);
        // An English colour word keeps its English meaning ("violet", "orange", "beige").
        if (english.has(k) || k in BASIC) continue;
        put(k, { colour: { name: k, hex: asHex(BASIC[basic]), source: 'basic' }, en: basic });
      }
    }
  }
  for (const [phrase, target] of FOREIGN_PHRASES) {
    const base = names.get(target)!;
    put(phrase, { colour: { name: phrase, hex: base.hex, source: base.source }, en: target });
  }
  for (const [palette, words] of Object.entries(PALETTE_WORDS)) {
    const hex = asHex(PALETTES[palette][0]);
    for (const w of words) {
      const k = normaliseName(w);
      // A word that is a certain colour keeps that meaning.
      if (phrases.has(k) && !phrases.get(k)!.loose) continue;
      phrases.set(k, { colour: { name: palette, hex, source: 'palette-word' }, palette, thing: PALETTE_THINGS.has(palette) || undefined });
    }
  }
  const cjk: [string, NamedColour, string][] = CJK_WORDS.map(([word, target]) => [word, { name: word, hex: names.get(target)!.hex, source: 'basic' }, target]);
  const trusted = new Set([...english, ...Object.keys(BASIC), ...[...phrases].filter(([, e]) => !e.loose && !e.palette).map(([k]) => k)]);
  const cjkPalettes = [...phrases].filter(([k, e]) => e.palette && CJK.test(k)).sort((a, b) => b[0].length - a[0].length);
  let maxWords = 1;
  for (const k of phrases.keys()) maxWords = Math.max(maxWords, k.split(' ').length);
  cached = { phrases, names, maxWords: Math.min(maxWords, 6), cjk, trusted, cjkPalettes };
  return cached;
}

const index = (): Index => cached ?? build();

// ───────────────────────────── lookups ─────────────────────────────

export interface ColourHit {
  /** First token of the mention. */
  index: number;
  /** How many tokens it spans (a trailing "colour"/"coloured" and postfix modifiers included). */
  length: number;
  /**
   * The colour. `source: 'palette-word'` marks a palette phrase of two or more tokens ("earth
   * tones", "années 80") or one inside a CJK token: expand it with `paletteFor(colour.name)`.
   * One-word palette words ("pastel", "neon") are not reported: `paletteFor(token)` reads them.
   */
  colour: NamedColour;
  /** The word also names something drawable (peach, olive, rainbow): the motif may be meant. */
  thing?: boolean;
}

const clean = (t: string) => t.normalize('NFC').toLowerCase().replace(/[’`]/g, "'").replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}']+$/gu, '');

/** A modified colour: the named shade where English has one ("dark red"), else computed. */
function applyModifier(base: NamedColour, m: Modifier, strength: number, name: string, en?: string): NamedColour {
  const idx = index();
  const named = en ? `${m} ${en}` : '';
  if (named && idx.trusted.has(named)) {
    const c = idx.names.get(named)!;
    // "very light blue" goes on from "light blue", so it is always the lighter of the two.
    return { name, hex: strength > 1 ? modify(c.hex, m, strength - 1) : c.hex, source: c.source };
  }
  return { name, hex: modify(base.hex, m, strength), source: base.source === 'palette-word' ? 'basic' : base.source };
}

/** A single word that carries its own modifier: "hellblau", "dunkelgrüne", "jasnoniebieski". */
function compound(word: string, idx: Index): NamedColour | undefined {
  for (const [prefix, m] of COMPOUND_PREFIXES) {
    if (word.length <= prefix.length + 2 || !word.startsWith(prefix)) continue;
    const e = idx.phrases.get(word.slice(prefix.length).replace(/^-/, ''));
    if (e && !e.loose && !e.palette) return applyModifier(e.colour, m, 1, word, e.en);
  }
  return undefined;
}

interface Match {
  length: number;
  colour: NamedColour;
  thing?: boolean;
  palette?: boolean;
  en?: string;
}

const colourWordAt = (words: string[], k: number) => COLOUR_NOUNS.has(words[k] ?? '') || POSTFIX_MODIFIERS.has(words[k] ?? '');

/**
 * The longest colour mention starting at `i`. `afterModifier`: a loose colour word counts
 * ("pale lemon"), a palette does not.
 */
function matchAt(words: string[], i: number, idx: Index, afterModifier = false): Match | undefined {
  let best: Match | undefined;
  // 1. A name or palette phrase, longest first.
  for (let len = Math.min(idx.maxWords, words.length - i); len >= 1; len--) {
    const e = idx.phrases.get(words.slice(i, i + len).join(' '));
    if (!e) continue;
    if (e.palette && (len < 2 || afterModifier)) continue;
    if (e.loose === 'name' && !colourWordAt(words, i + len)) continue;
    if (e.loose === 'word' && !afterModifier && !colourWordAt(words, i + len)) continue;
    best = { length: len, colour: e.colour, thing: e.thing, palette: !!e.palette, en: e.en };
    break;
  }
  // 2. Modifier(s) + colour: "light sage", "very pale pink", "dusty lilac".
  let j = i;
  let strength = 1;
  if (INTENSIFIERS.has(words[j] ?? '')) {
    strength = 1.3;
    j++;
  }
  const mod = PREFIX_MODIFIERS.get(words[j] ?? '');
  if (mod && j + 1 < words.length) {
    const inner = matchAt(words, j + 1, idx, true);
    const length = inner ? j + 1 - i + inner.length : 0;
    // An exact name of the same length wins ("light sky blue" is CSS, not light + sky blue).
    if (inner && (!best || length > best.length)) {
      best = { length, colour: applyModifier(inner.colour, mod, strength, words.slice(i, i + length).join(' '), inner.en) };
    }
  }
  // 3. One-word compounds.
  if (!best) {
    const c = compound(words[i], idx);
    if (c) best = { length: 1, colour: c };
  }
  if (!best) return undefined;
  if (best.palette) return best;
  // 4. Postfix modifiers ("azul claro", "rouge très foncé") and a trailing colour word.
  let end = i + best.length;
  let k = end;
  let s = 1;
  if (INTENSIFIERS.has(words[k] ?? '') && POSTFIX_MODIFIERS.has(words[k + 1] ?? '')) {
    s = 1.3;
    k++;
  }
  const post = POSTFIX_MODIFIERS.get(words[k] ?? '');
  if (post) {
    end = k + 1;
    best = { length: end - i, colour: applyModifier(best.colour, post, s, words.slice(i, end).join(' '), best.en), thing: best.thing };
  }
  if (COLOUR_NOUNS.has(words[end] ?? '')) best = { ...best, length: end + 1 - i };
  return best;
}

function cjkHits(token: string, at: number, idx: Index): ColourHit[] {
  const hits: ColourHit[] = [];
  for (let p = 0; p < token.length; ) {
    // Palette words first ("黑白" is monochrome, not black and white); a lone palette token is
    // left to paletteFor like any one-word palette word.
    const pal = idx.cjkPalettes.find(([k]) => token.startsWith(k, p) && (k.length > 1 || token.length === 1));
    if (pal && pal[0] !== token) {
      hits.push({ index: at, length: 1, colour: pal[1].colour, ...(pal[1].thing ? { thing: true } : {}) });
      p += pal[0].length;
      continue;
    }
    if (pal) return hits;
    const found = idx.cjk.find(([w]) => token.startsWith(w, p));
    if (!found) {
      p++;
      continue;
    }
    let colour = found[1];
    const mod = CJK_MODIFIERS.find(([m]) => p >= m.length && token.startsWith(m, p - m.length));
    if (mod) colour = applyModifier(colour, mod[1], 1, mod[0] + found[0], found[2]);
    hits.push({ index: at, length: 1, colour });
    p += found[0].length;
  }
  return hits;
}

const hit = (index: number, m: Match): ColourHit => ({ index, length: m.length, colour: m.colour, ...(m.thing ? { thing: true } : {}) });

/**
 * Every colour mention in a tokenised, lower-cased prompt, in order, with the tokens it spans.
 * Negation and what a colour belongs to are the caller's business ("no red" still reports red).
 */
export function findColours(tokens: string[]): { colours: ColourHit[] } {
  const idx = index();
  // A hyphenated token that is itself a name ("off-white", "arc-en-ciel") is read whole.
  const words = tokens.map((t) => {
    const w = clean(t);
    return w.includes('-') && idx.phrases.has(normaliseName(w)) ? normaliseName(w) : w;
  });
  const out: ColourHit[] = [];
  for (let i = 0; i < words.length; ) {
    const w = words[i];
    if (w && CJK.test(w) && !idx.phrases.has(w)) {
      out.push(...cjkHits(w, i, idx));
      i++;
      continue;
    }
    // Other hyphenated tokens are read as their parts: "light-blue", "светло-голубой", "red-coloured".
    if (w.includes('-')) {
      const parts = w.split('-').filter(Boolean);
      const inner: ColourHit[] = [];
      for (let p = 0; p < parts.length; ) {
        const m = matchAt(parts, p, idx);
        if (m && !m.palette) inner.push({ ...hit(i, m), length: 1 });
        p += m ? m.length : 1;
      }
      if (inner.length) {
        out.push(...inner.map((h) => ({ ...h, length: COLOUR_NOUNS.has(words[i + 1] ?? '') ? 2 : 1 })));
        i += COLOUR_NOUNS.has(words[i + 1] ?? '') ? 2 : 1;
        continue;
      }
    }
    const m = w ? matchAt(words, i, idx) : undefined;
    if (m) {
      out.push(hit(i, m));
      i += m.length;
    } else i++;
  }
  return { colours: out };
}

/** A colour by name, as listed or typed: "sage", "Dusty Rose", "light sky blue", "bleu clair", "浅蓝". */
export function colourByName(name: string): NamedColour | null {
  const idx = index();
  const k = normaliseName(name);
  if (!k) return null;
  const direct = idx.names.get(k) ?? idx.names.get(k.replace(/ /g, ''));
  if (direct) return direct;
  if (CJK.test(k)) {
    const hits = cjkHits(k, 0, idx);
    return hits.length === 1 && hits[0].colour.source !== 'palette-word' ? hits[0].colour : null;
  }
  // Modified or inflected forms: the whole name must be one colour mention.
  const words = k.split(' ');
  const m = matchAt(words, 0, idx, words.length === 1);
  return m && m.length === words.length && !m.palette ? m.colour : null;
}

/** The colours of a palette word or phrase ("pastel", "earth tones", "années 80", "彩虹"), or null. */
export function paletteFor(word: string): Hex[] | null {
  const key = index().phrases.get(normaliseName(clean(word)))?.palette ?? (Object.hasOwn(PALETTES, word) ? word : undefined);
  return key ? PALETTES[key].map(asHex) : null;
}

/** Every resolvable colour name (lower case), for pickers and counts. */
export function colourNames(): string[] {
  return [...index().names.keys()];
}
