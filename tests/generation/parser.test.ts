import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadVocab, PromptParser, suggestFrom } from '../../lib/generation/vocab';

const REAL = 'models/seedprint-tiny-v1/vocab.json';
const vocabFile = fs.existsSync(REAL) ? REAL : 'tests/generation/fixtures/standin/vocab.json';
const vocabJson = JSON.parse(fs.readFileSync(vocabFile, 'utf8'));
const parser = new PromptParser(loadVocab(vocabJson));
const word = (p: string) => {
  const r = parser.parse(p).roles;
  return [r.motif?.word, r.motif_color?.word, r.background?.word, r.layout?.word, r.scale?.word].map((w) => w ?? null);
};

describe('prompt parser (roles)', () => {
  it('"red hearts on navy" and "navy hearts on red" fill opposite roles', () => {
    expect(word('red hearts on navy')).toEqual(['hearts', 'red', 'navy', null, null]);
    expect(word('navy hearts on red')).toEqual(['hearts', 'navy', 'red', null, null]);
    expect(parser.parse('red hearts on navy').tokens).not.toEqual(parser.parse('navy hearts on red').tokens);
  });

  it('handles background phrasing, synonyms, scale and layout', () => {
    expect(word('big yellow stars, navy background, scattered')).toEqual(['stars', 'yellow', 'navy', 'scattered', 'large']);
    expect(word('kittens on a pink background')).toEqual(['cat', null, 'pink', null, null]);
    expect(word('Tiny spots in white on black')).toEqual(['dots', 'white', 'black', null, 'small']);
    expect(word('small red hearts on navy, half-drop')).toEqual(['hearts', 'red', 'navy', 'half-drop', 'small']);
  });

  it('artwork motifs ignore a motif colour, unknown words are reported', () => {
    const p = parser.parse('purple cats on mint with glitter unicornz');
    expect(p.roles.motif?.word).toBe('cat');
    expect(p.roles.motif_color).toBeNull();
    expect(p.ignoredWords).toEqual(expect.arrayContaining(['purple', 'glitter', 'unicornz']));
    expect(p.ignoredWords).not.toContain('with');
  });

  it('gives the same ids as the reference parser for every example and held-out eval prompt', () => {
    const cases: { prompt: string; ids: number[] }[] = [...(vocabJson.examples ?? [])];
    const evalFile = 'models/seedprint-tiny-v1/eval_prompts.json';
    if (fs.existsSync(evalFile)) cases.push(...JSON.parse(fs.readFileSync(evalFile, 'utf8')).prompts);
    expect(cases.length).toBeGreaterThan(2);
    const wrong = cases.filter((c) => parser.parse(c.prompt).tokens.join() !== c.ids.join());
    expect(wrong).toEqual([]);
  });

  it('autocomplete completes words from the vocabulary and popular prompts', () => {
    expect(suggestFrom(parser, 'red he')).toContain('red hearts on navy');
    expect(suggestFrom(parser, 'sunfl')).toContain('sunflower');
    expect(suggestFrom(parser, 'red hearts ')[0]).toMatch(/^red hearts (on |, )/);
    expect(suggestFrom(parser, '')).toHaveLength(8);
  });
});
