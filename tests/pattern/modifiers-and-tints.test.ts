// Words that say how a pattern looks (vertical, single, on top, light, for a kids room, college
// letters) are never drawn as motifs; a colour named for a motif, a texture or words to print
// holds in the pixels. The requests are written for this test, not taken from any evaluation set.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { renderPatternPng, specFor, understandPrompt, type PatternSpec } from '../../lib/pattern';
import { deltaE2000, hexToLab } from '../../lib/pattern/colours';
import type { Hex } from '../../lib/pattern/types';

const PX = 240;
const ids = (prompt: string) => understandPrompt(prompt).motifs.map((m) => m.motif.id);

async function spec(prompt: string, candidate = 0): Promise<PatternSpec> {
  const s = await specFor(understandPrompt(prompt), 1, candidate);
  if (!s) throw new Error(`no design for "${prompt}"`);
  return s;
}

/** The rendered tile as CIELAB pixels. */
async function labPixels(s: PatternSpec): Promise<[number, number, number][]> {
  const { data } = await sharp(await renderPatternPng(s, 1, PX)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const cache = new Map<number, [number, number, number]>();
  const out: [number, number, number][] = [];
  for (let k = 0; k < PX * PX; k++) {
    const key = (data[k * 3] << 16) | (data[k * 3 + 1] << 8) | data[k * 3 + 2];
    let lab = cache.get(key);
    if (!lab) cache.set(key, (lab = hexToLab(`#${key.toString(16).padStart(6, '0')}` as Hex) as [number, number, number]));
    out.push(lab);
  }
  return out;
}

const hueDeg = (lab: readonly number[]) => ((Math.atan2(lab[2], lab[1]) * 180) / Math.PI + 360) % 360;
const hueGap = (a: number, b: number) => Math.min(Math.abs(a - b), 360 - Math.abs(a - b));
const chroma = (lab: readonly number[]) => Math.hypot(lab[1], lab[2]);

describe('look words are never drawn', () => {
  it.each([
    ['tall vertical stripes, navy and cream', []],
    ['one single giant pumpkin, nothing else', ['jack-o-lantern']],
    ['waffles with strawberries on top', ['waffle', 'strawberry']],
    ['dinosaurs for a boys bedroom', ['sauropod']],
    ['kiwi halves on white', ['kiwi-fruit']],
    ['pale wood grain with little mushrooms', ['mushroom']],
  ])('"%s" draws only %j', (prompt, expected) => {
    expect(ids(prompt).sort()).toEqual([...expected].sort());
  });

  it('"single" is a count of one', () => {
    expect(understandPrompt('a single big sun on peach').count).toBe(1);
  });

  it('words to print in a colour and a college style: the ink and a block face, no motif from the words', async () => {
    const i = understandPrompt('GO BEARS in green college letters');
    expect(i.motifs).toEqual([]);
    expect(i.text?.content).toBe('GO BEARS');
    expect(i.text?.font.id).toBe('bungee');
    const s = await spec('GO BEARS in green college letters');
    expect(deltaE2000(s.text!.colour, '#2e8b57')).toBeLessThan(10);
  });

  it('vertical stripes in two colours: columns of one colour each, rows alike', async () => {
    const s = await spec('vertical stripes in navy and cream');
    expect(s.motifs).toEqual([]);
    expect(s.vertical).toBe(true);
    const px = await labPixels(s);
    const L = (x: number, y: number) => px[y * PX + x][0];
    // Down a column the colour never changes; across a row it alternates between light and dark.
    let columnSpread = 0;
    for (let x = 0; x < PX; x += 7) {
      const col = Array.from({ length: PX }, (_, y) => L(x, y));
      columnSpread = Math.max(columnSpread, Math.max(...col) - Math.min(...col));
    }
    const row = Array.from({ length: PX }, (_, x) => L(x, PX / 2));
    const mean = row.reduce((a, b) => a + b, 0) / PX;
    const rowSd = Math.sqrt(row.reduce((a, b) => a + (b - mean) ** 2, 0) / PX);
    expect(columnSpread).toBeLessThan(2);
    expect(rowSd).toBeGreaterThan(20);
  });
});
