// Lettering is judged by its pixels: every bundled font draws names and phrases as paths that
// sharp (librsvg) renders with ink, inside the reported box, and each font looks different.
// The PNGs are kept in $TMPDIR/lettering for a look by eye.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { FONT_LICENCES, FONTS, LetteringError, fontCovers, fontInfo, letteringPath, pickFont, type Lettering } from '../../lib/pattern/lettering';

const OUT = path.join(os.tmpdir(), 'lettering');
fs.mkdirSync(OUT, { recursive: true });
const require = createRequire(import.meta.url);
const MARGIN = 24;

interface Raster {
  width: number;
  height: number;
  grey: Buffer; // 0 = black ink, 255 = white paper
}

/** The lettering on white with MARGIN px of paper around its box, at 1 px per user unit. */
async function rasterise(r: Lettering, file?: string): Promise<Raster> {
  const w = Math.ceil(r.width) + 2 * MARGIN;
  const h = Math.ceil(r.height) + 2 * MARGIN;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="${-MARGIN} ${-MARGIN} ${w} ${h}"><path d="${r.d}" fill="#000"/></svg>`;
  const img = sharp(Buffer.from(svg)).flatten({ background: '#ffffff' });
  if (file) await img.clone().png().toFile(path.join(OUT, file));
  const { data, info } = await img.greyscale().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, grey: data };
}

function inkBounds(r: Raster, threshold = 250) {
  let n = 0;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (let y = 0; y < r.height; y++) {
    for (let x = 0; x < r.width; x++) {
      if (r.grey[y * r.width + x] < threshold) {
        n++;
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
      }
    }
  }
  return { n, x0, y0, x1, y1 };
}

/** The ink cropped and squeezed to a fixed 240×48 grey thumbnail, to compare fonts' shapes. */
async function signature(r: Raster): Promise<Buffer> {
  const b = inkBounds(r, 128);
  return sharp(r.grey, { raw: { width: r.width, height: r.height, channels: 1 } })
    .extract({ left: b.x0, top: b.y0, width: b.x1 - b.x0 + 1, height: b.y1 - b.y0 + 1 })
    .resize(240, 48, { fit: 'fill' })
    .raw()
    .toBuffer();
}

const meanAbsDiff = (a: Buffer, b: Buffer) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.abs(a[i] - b[i]);
  return s / a.length / 255;
};

describe('bundled fonts', () => {
  it('at least 10 fonts, covering script, retro, display, handwritten, serif, sans and a typewriter face', () => {
    expect(FONTS.length).toBeGreaterThanOrEqual(10);
    expect(new Set(FONTS.map((f) => f.id)).size).toBe(FONTS.length);
    for (const style of ['script', 'retro', 'display', 'handwritten', 'serif', 'sans', 'monospace'] as const) {
      expect(FONTS.filter((f) => f.style === style).length, style).toBeGreaterThan(0);
    }
  });

  it.each(FONTS.map((f) => [f.id, f] as const))('%s: the file is the named font, under the OFL 1.1', (id, f) => {
    expect(fontInfo(id).family).toBe(f.family);
    expect(f.licence).toBe('OFL-1.1');
    const pkgName = f.package.split('/').slice(0, 2).join('/');
    const dir = path.dirname(require.resolve(`${pkgName}/package.json`));
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    expect(pkg.license).toBe('MIT AND OFL-1.1'); // MIT: the package's code; OFL-1.1: the font
    const fontLicence = fs.readFileSync(path.join(dir, 'LICENSE_FONT'), 'utf8');
    expect(fontLicence).toContain('SIL Open Font License, Version 1.1');
    const row = FONT_LICENCES.find((l) => l.font === f.family)!;
    expect(row.package).toBe(`${pkgName}@${pkg.version}`);
    expect(row.licence).toBe('OFL-1.1');
    // The attribution repeats the package's own copyright line.
    const squash = (s: string) => s.replace(/\s+/g, ' ').replace(/,$/, '').trim();
    const firstParagraph = squash(fontLicence.split(/\r?\n\s*\r?\n/)[0]);
    expect(squash(firstParagraph)).toContain(squash(row.copyright).replace(/\.$/, ''));
  });
});

describe('letteringPath', () => {
  for (const text of ['Alice', 'Happy birthday Sam']) {
    it.each(FONTS.map((f) => [f.id] as const))(`%s draws "${text}" in its own outlines, with ink inside the box`, async (id) => {
      const r = letteringPath(text, id, { size: 120 });
      expect(r.fontId).toBe(id);
      expect(r.fallback).toBeUndefined();
      expect(r.d).toMatch(/^M/);
      expect(r.d).not.toMatch(/NaN|undefined/);
      expect(r.width).toBeGreaterThanOrEqual(r.advance);
      expect(r.baseline).toBeGreaterThan(0);
      expect(r.baseline).toBeLessThan(r.height);

      const raster = await rasterise(r, `${id}-${text.replace(/\s+/g, '-').toLowerCase()}.png`);
      const b = inkBounds(raster);
      // Ink present: a real share of the box is dark.
      expect(b.n / (r.width * r.height)).toBeGreaterThan(0.04);
      // No clipping: with paper all round the box, no ink falls outside it (1 px for anti-aliasing).
      expect(b.x0).toBeGreaterThanOrEqual(MARGIN - 1);
      expect(b.y0).toBeGreaterThanOrEqual(MARGIN - 1);
      expect(b.x1).toBeLessThanOrEqual(MARGIN + r.width + 1);
      expect(b.y1).toBeLessThanOrEqual(MARGIN + r.height + 1);
      // And the box is not much bigger than the string: ink spans most of the advance.
      expect(b.x1 - b.x0).toBeGreaterThan(0.85 * r.advance);
      // The reported ink box holds the drawn ink.
      expect(b.x0 - MARGIN).toBeGreaterThanOrEqual(Math.floor(r.ink.x) - 1);
      expect(b.x1 - MARGIN).toBeLessThanOrEqual(Math.ceil(r.ink.x + r.ink.width) + 1);

    });

    it(`every font gives a different picture of "${text}"`, async () => {
      const sigs: [string, Buffer][] = [];
      for (const f of FONTS) sigs.push([f.id, await signature(await rasterise(letteringPath(text, f.id, { size: 120 })))]);
      let closest = { d: Infinity, pair: '' };
      for (let i = 0; i < sigs.length; i++) {
        for (let j = i + 1; j < sigs.length; j++) {
          const d = meanAbsDiff(sigs[i][1], sigs[j][1]);
          if (d < closest.d) closest = { d, pair: `${sigs[i][0]} / ${sigs[j][0]}` };
        }
      }
      expect(closest.d, closest.pair).toBeGreaterThan(0.05);
    });
  }

  it('scales with size and is byte-identical from call to call, whatever was drawn before', () => {
    const a = letteringPath('Happy birthday Sam', 'great-vibes', { size: 100 });
    letteringPath('Zoë Мария', 'great-vibes', { size: 37 });
    letteringPath('x', 'pacifico', { size: 10 });
    const b = letteringPath('Happy birthday Sam', 'great-vibes', { size: 100 });
    expect(b).toEqual(a);
    const big = letteringPath('Happy birthday Sam', 'great-vibes', { size: 200 });
    expect(big.advance / a.advance).toBeCloseTo(2, 2);
  });

  it('takes whitespace and decomposed accents as typed (NFC, spaces collapsed)', () => {
    const composed = letteringPath('Zoë Ann', 'lobster', { size: 80 });
    const decomposed = letteringPath('  Zoe\u0308   Ann ', 'lobster', { size: 80 });
    expect(decomposed.d).toBe(composed.d);
  });

  it('refuses an unknown font, an empty text and a bad size', () => {
    expect(() => letteringPath('Alice', 'comic-sans', { size: 80 })).toThrow(/Unknown font "comic-sans"/);
    expect(() => letteringPath('   ', 'pacifico', { size: 80 })).toThrow(LetteringError);
    expect(() => letteringPath('Alice', 'pacifico', { size: 0 })).toThrow(RangeError);
  });
});

describe('accented and non-Latin names', () => {
  // What each font draws itself (checked against the font files): every font has the Latin
  // accents of Western and Central Europe; Cyrillic only in these; Greek only in Noto Sans.
  const CYRILLIC = ['pacifico', 'great-vibes', 'lobster', 'caveat', 'playfair-display', 'montserrat', 'noto-sans'];

  it('coverage is as documented', () => {
    for (const f of FONTS) {
      for (const name of ['Zoë', 'José', 'Ørsted', 'Łucja', 'Şükrü', 'Dvořák']) expect(fontCovers(f.id, name), `${f.id} ${name}`).toBe(true);
      expect(fontCovers(f.id, 'Мария'), `${f.id} Мария`).toBe(CYRILLIC.includes(f.id));
      expect(fontCovers(f.id, 'Ελένη'), `${f.id} Ελένη`).toBe(f.id === 'noto-sans');
    }
  });

  const names = ['Zoë', 'José', 'Ørsted', 'Мария', 'Ελένη'];
  it.each(FONTS.map((f) => [f.id] as const))('%s: each name renders with ink, in its own font or the nearest one that has the letters', async (id) => {
    for (const name of names) {
      const r = letteringPath(name, id, { size: 100 });
      const own = fontCovers(id, name);
      expect(r.fontId === id, `${id} ${name} drawn by ${r.fontId}`).toBe(own);
      if (!own) {
        expect(r.fallback?.from).toBe(id);
        expect(r.fallback?.characters.length).toBeGreaterThan(0);
        expect(fontCovers(r.fontId, name)).toBe(true);
        // A fallback stays close in kind: a script stays a script where one has the letters.
        if (name === 'Мария' && FONTS.find((f) => f.id === id)!.style === 'script') expect(FONTS.find((f) => f.id === r.fontId)!.style).toBe('script');
      }
      const raster = await rasterise(r, `${id}-name-${names.indexOf(name)}.png`);
      const b = inkBounds(raster);
      expect(b.n, `${id} ${name}`).toBeGreaterThan(200);
      expect(b.x0).toBeGreaterThanOrEqual(MARGIN - 1);
      expect(b.y0).toBeGreaterThanOrEqual(MARGIN - 1);
      expect(b.x1).toBeLessThanOrEqual(MARGIN + r.width + 1);
      expect(b.y1).toBeLessThanOrEqual(MARGIN + r.height + 1);
    }
  });

  it('characters no bundled font has are refused with an error that names them', () => {
    let err: unknown;
    try {
      letteringPath('Mia ❤ 李', 'pacifico', { size: 80 });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(LetteringError);
    expect((err as LetteringError).characters).toEqual(['❤', '李']);
    expect((err as Error).message).toContain('"❤" (U+2764)');
    expect((err as Error).message).toContain('"李" (U+674E)');
  });
});

describe('pickFont', () => {
  const styleOf = (words: string[]) => pickFont(words).style;

  it('script words pick a script font and retro words a retro one', () => {
    expect(styleOf(['script'])).toBe('script');
    expect(styleOf(['cursive'])).toBe('script');
    expect(styleOf(['retro'])).toBe('retro');
    expect(styleOf(['vintage'])).toBe('retro');
    for (const decade of ['70s', "70's", '1970s', 'seventies', '80s', 'eighties', '50s']) expect(styleOf([decade]), decade).toBe('retro');
    expect(pickFont(['80s']).id).toBe('monoton');
    expect(pickFont(['70s']).id).toBe('shrikhand');
  });

  it('other style words', () => {
    expect(styleOf(['handwritten'])).toBe('handwritten');
    expect(styleOf(['typewriter'])).toBe('monospace');
    expect(styleOf(['serif'])).toBe('serif');
    expect(styleOf(['modern'])).toBe('sans');
    expect(['display', 'serif']).toContain(styleOf(['bold']));
    expect(pickFont(['elegant']).id).toBe('great-vibes');
    expect(pickFont(['elegant', 'serif']).id).toBe('playfair-display');
    expect(pickFont(['playful']).id).toBe('indie-flower');
    expect(pickFont(['Bold']).id).toBe(pickFont(['bold']).id);
  });

  it('in other languages', () => {
    expect(styleOf(['cursiva'])).toBe('script'); // es, pt
    expect(styleOf(['Schreibschrift'])).toBe('script'); // de
    expect(styleOf(['corsivo'])).toBe('script'); // it
    expect(styleOf(['rétro'])).toBe('retro'); // fr
    expect(styleOf(['ретро'])).toBe('retro'); // ru
    expect(styleOf(['années', '70'])).toBe('retro');
    expect(styleOf(['manuscrita'])).toBe('handwritten');
    expect(styleOf(['handschrift'])).toBe('handwritten');
    expect(styleOf(['рукописный'])).toBe('handwritten');
    expect(styleOf(['schreibmaschine'])).toBe('monospace');
    expect(pickFont(['élégant']).id).toBe('great-vibes');
    expect(pickFont(['elegante']).id).toBe('great-vibes');
  });

  it('no style words: a friendly script for names', () => {
    expect(pickFont([]).id).toBe('pacifico');
    expect(pickFont(['banana']).id).toBe('pacifico');
  });

  it('each keyword picks a font that lists it (the prompt parser relies on this to spot style words)', () => {
    for (const f of FONTS) for (const k of f.keywords) expect(pickFont([k]).keywords, `${f.id}: ${k}`).toContain(k);
  });
});
