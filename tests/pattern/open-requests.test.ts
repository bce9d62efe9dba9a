// Requests a shopper makes without naming a drawable motif by its emoji name: colours or a style
// alone, a theme, an everyday subject CLDR lacks, an inflected or diminutive word. Each renders a
// fitting pattern (checked by its pixels) or, where nothing fair can be drawn, says so with close
// motifs to offer. And whatever the words, the spec the engine makes passes its own schema.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { motifLibrary, patternSpecSchema, renderPatternPng, specFor, understandPrompt, unknownSubjectMessage } from '../../lib/pattern';
import { colourByName, deltaE2000 } from '../../lib/pattern/colours';
import { MOTIF_SYNONYMS, NO_STAND_IN } from '../../lib/pattern/motif-synonyms';
import { mulberry32 } from '../../lib/pattern/textures/random';

const motifIds = (prompt: string) => understandPrompt(prompt).motifs.map((m) => m.motif.id);

/** Share of a tile's pixels within ΔE2000 `limit` of a colour. */
async function share(png: Buffer, hex: string, limit: number): Promise<number> {
  const { data } = await sharp(png).resize(96, 96, { kernel: 'nearest' }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  let n = 0;
  for (let i = 0; i < data.length; i += 3) {
    const h = `#${[data[i], data[i + 1], data[i + 2]].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
    if (deltaE2000(h, hex) < limit) n++;
  }
  return n / (data.length / 3);
}

async function tile(prompt: string, candidate = 0): Promise<Buffer> {
  const spec = await specFor(understandPrompt(prompt), 5, candidate);
  expect(spec, prompt).not.toBeNull();
  return renderPatternPng(spec!, 5, 256);
}

describe('every spec the engine makes passes its schema', () => {
  // Varied prompts built from the kinds of words shoppers use, several palettes and colours at once included.
  const parts = {
    colour: ['sage', 'burgundy', 'mustard', 'navy', 'lemon yellow', 'dusty rose', 'teal', 'coral', 'slate grey', 'rust', 'lilac', 'black', 'white', 'gold'],
    palette: ['pastel', 'neon', 'rainbow', 'earth tones', '80s', 'jewel tones', 'monochrome', 'autumn', 'christmas', 'boho', 'vintage', 'sunset'],
    motif: ['clouds', 'hearts', 'cats', 'lemons', 'skulls and roses', 'stars', 'mushrooms', 'bees', 'sunflowers', 'dinosaurs', 'tacos', 'ferns', 'corgis', 'gatitos', 'abstract shapes', 'geometric'],
    extra: ['', '', 'tiny', 'big', 'dense', 'stripes', 'grid', 'border', '99', 'three', 'half-drop', 'leopard print', 'tartan', '"Happy camper forever and ever, with love from all of us here at home"', 'name Alexandra Montgomery Wellington Smythe', 'no red', 'not pink and blue', 'without cats'],
  };
  const rand = mulberry32(2026);
  const pick = (list: string[]) => list[Math.floor(rand() * list.length)];
  const prompts = Array.from({ length: 120 }, () => {
    const words = [rand() < 0.6 ? pick(parts.palette) : '', rand() < 0.5 ? pick(parts.palette) : '', rand() < 0.6 ? pick(parts.colour) : '', rand() < 0.4 ? `and ${pick(parts.colour)}` : '', rand() < 0.75 ? pick(parts.motif) : '', rand() < 0.5 ? `on ${pick(parts.colour)}` : '', pick(parts.extra), rand() < 0.3 ? pick(parts.extra) : ''];
    return words.filter(Boolean).join(' ');
  });

  it('parses with patternSpecSchema for 120 varied prompts, four candidates each', async () => {
    const failures: string[] = [];
    let made = 0;
    for (const prompt of prompts) {
      const intent = understandPrompt(prompt);
      for (let c = 0; c < 4; c++) {
        const spec = await specFor(intent, 11, c);
        if (!spec) continue;
        made++;
        const parsed = patternSpecSchema.safeParse(spec);
        if (!parsed.success) failures.push(`${prompt} #${c}: ${parsed.error.issues[0].path.join('.')} ${parsed.error.issues[0].message}`);
      }
    }
    expect(failures).toEqual([]);
    expect(made).toBeGreaterThan(400); // nearly every prompt draws something
  }, 120_000);
});

describe('colours, a palette or a style and no motif', () => {
  it('draws abstract shapes in the named colour on the named ground', async () => {
    const intent = understandPrompt('mustard on navy');
    expect(intent.motifs.length).toBeGreaterThan(0);
    expect(intent.motifs.every((m) => m.from === 'abstract')).toBe(true);
    const png = await tile('mustard on navy');
    expect(await share(png, colourByName('mustard')!.hex, 6)).toBeGreaterThan(0.04); // the shapes
    expect(await share(png, '#1a2366', 10)).toBeGreaterThan(0.4); // a navy ground
  });

  it('takes a palette word with "geometric" and keeps to the palette', async () => {
    const png = await tile('jewel tones geometric');
    // Every pixel of the shapes is one of the jewel tones or the ground: no emoji orange or primary blue.
    expect(await share(png, '#ff6723', 8)).toBeLessThan(0.002);
    expect(await share(png, '#0074ba', 8)).toBeLessThan(0.002);
  });

  it('a ground colour alone gives shapes in a tone of it, not the emoji primaries', async () => {
    const png = await tile('dusty rose');
    expect(await share(png, '#ff6723', 10)).toBeLessThan(0.002);
    expect(await share(png, '#f8312f', 10)).toBeLessThan(0.002);
  });

  it('draws nothing when an unknown subject was asked for alongside the colours', async () => {
    const intent = understandPrompt('mustard seahorses on navy');
    expect(intent.motifs).toEqual([]);
    expect(await specFor(intent, 1, 0)).toBeNull();
  });
});

describe('theme words with no motif named', () => {
  it.each([
    ['easter in pastels', ['rabbit-face', 'egg', 'tulip']],
    ['halloween', ['jack-o-lantern', 'ghost', 'bat']],
    ['ocean theme', ['tropical-fish', 'spouting-whale', 'octopus']],
    ['navidad', ['christmas-tree', 'wrapped-gift', 'snowflake']],
    ['fall colours', ['maple-leaf', 'fallen-leaf', 'mushroom']],
  ])('%s draws the theme', (prompt, ids) => {
    expect(motifIds(prompt)).toEqual(ids);
  });

  it('a named motif wins over the theme', () => {
    expect(motifIds('halloween cats')).toEqual(['cat']);
  });

  it('honours a negation of two colours: "valentine, not pink and red"', async () => {
    const intent = understandPrompt('valentine, not pink and red');
    expect(intent.excluded.colours.map((c) => c.name).sort()).toEqual(['pink', 'red']);
    expect(intent.motifs.length).toBeGreaterThan(0);
    for (const c of [0, 1]) {
      const png = await tile('valentine, not pink and red', c);
      expect(await share(png, '#f8312f', 12), `candidate ${c}`).toBeLessThan(0.01);
      expect(await share(png, '#ff4d6d', 12), `candidate ${c}`).toBeLessThan(0.01);
    }
  });

  it('a ruled-out colour is not drawn: halloween without orange', async () => {
    const png = await tile('halloween without orange');
    expect(await share(png, '#ff7518', 14)).toBeLessThan(0.01);
  });
});

describe('everyday subjects CLDR lacks', () => {
  it('every synonym and suggestion names a motif the library has', () => {
    const lib = motifLibrary();
    for (const id of [...Object.values(MOTIF_SYNONYMS), ...Object.values(NO_STAND_IN).flat()]) expect(lib.motifs.has(id), id).toBe(true);
    expect(Object.keys(MOTIF_SYNONYMS).length + Object.keys(NO_STAND_IN).length).toBeGreaterThanOrEqual(60);
  });

  it.each([
    ['corgis on cream', 'dog'],
    ['peonies', 'rose'],
    ['campfires', 'fire'],
    ['sage eucalyptus', 'herb'],
    ['dachshunds', 'dog'],
    ['seashells and waves', 'spiral-shell'],
    ['pine trees', 'evergreen-tree'],
    ['caterpillars', 'bug'],
  ])('%s → %s', (prompt, id) => {
    expect(motifIds(prompt)[0]).toBe(id);
  });

  it('with no fair stand-in, refuses plainly and suggests close motifs (not a typo of another word)', async () => {
    for (const prompt of ['seahorses', 'figs on white', 'starfish']) {
      const intent = understandPrompt(prompt);
      expect(intent.motifs, prompt).toEqual([]);
      expect(intent.unknown.length, prompt).toBe(1);
      expect(intent.unknown[0].suggestions.length, prompt).toBeGreaterThan(0);
      expect(await specFor(intent, 1, 0), prompt).toBeNull();
      const message = unknownSubjectMessage(intent)!;
      expect(message, prompt).toContain(intent.unknown[0].words);
      expect(message, prompt).toContain(intent.unknown[0].suggestions[0].name);
    }
    expect(unknownSubjectMessage(understandPrompt('sunflowers'))).toBeUndefined();
  });

  it('two colours joined by "and" colour a synonym subject, a thing-word colour ("rust") included', () => {
    const [m] = understandPrompt('sage and rust peonies').motifs;
    expect(m.motif.id).toBe('rose');
    expect(m.colours?.map((c) => c.name)).toEqual(['sage', 'rust']);
  });

  it('draws a synonym in the colour asked', async () => {
    const png = await tile('terracotta poppies on cream');
    expect(await share(png, colourByName('terracotta')!.hex, 6)).toBeGreaterThan(0.03);
  });
});

describe('inflections and diminutives', () => {
  it.each([
    ['gatitos', 'cat'],
    ['conejitos', 'rabbit'],
    ['Blümchen', 'blossom'],
    ['Fröschchen', 'frog'],
    ['ёжики', 'hedgehog'],
    ['лягушки', 'frog'],
    ['fiorellini', 'blossom'],
    ['katjes', 'cat'],
    ['цветочки', 'blossom'],
  ])('%s → %s', (prompt, id) => {
    expect(motifIds(prompt)).toEqual([id]);
  });

  it('reads a Russian phrase with a preposition and a case ending: "ёжики в лесу"', () => {
    expect(motifIds('ёжики в лесу')).toEqual(['hedgehog', 'evergreen-tree']);
    expect(understandPrompt('ёжики в лесу').ignored).toEqual([]);
  });
});
