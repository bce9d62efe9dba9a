import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleBase } from '../../lib/generation/embedded';
import { type LoadedModel, loadModelFrom, readManifest } from '../../lib/generation/model-registry';

const STANDIN = 'tests/generation/fixtures/standin';

describe('model registry', () => {
  it('verifies every file sha256 at load and names the bad file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seedprint-model-'));
    for (const f of fs.readdirSync(STANDIN)) fs.copyFileSync(path.join(STANDIN, f), path.join(dir, f));
    const sr = fs.readFileSync(path.join(dir, 'sr.onnx'));
    sr[sr.length - 10] ^= 0x01;
    fs.writeFileSync(path.join(dir, 'sr.onnx'), sr);
    await expect(loadModelFrom(dir)).rejects.toThrow(/sr\.onnx has sha256 [0-9a-f]{64}, manifest says/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('loads once per process (shared sessions) and reads the manifest settings', async () => {
    const [a, b] = await Promise.all([loadModelFrom(STANDIN), loadModelFrom(STANDIN)]);
    expect(a).toBe(b);
    expect(a.base).toBe((await loadModelFrom(path.resolve(STANDIN))).base);
    const m = readManifest(path.resolve(STANDIN));
    expect(m).toMatchObject({ resolution: 64, srFactor: 4, srUpsample: 'nearest' });
    expect(m.files.base.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  describe('a high-noise expert (files.baseHigh + base.highNoiseExpert)', () => {
    // The stand-in with its base.onnx also listed as the expert's file: same interface, real sessions.
    function withExpert(fromT: unknown, file = 'baseHigh'): string {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seedprint-expert-'));
      for (const f of fs.readdirSync(STANDIN)) fs.copyFileSync(path.join(STANDIN, f), path.join(dir, f));
      fs.copyFileSync(path.join(dir, 'base.onnx'), path.join(dir, 'baseHigh.onnx'));
      const man = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
      man.files.baseHigh = { path: 'baseHigh.onnx', sha256: man.files.base.sha256 };
      man.base = { ...(man.base ?? {}), highNoiseExpert: { file, fromT } };
      fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(man));
      return dir;
    }

    it('recipes record one hash over both files, not the base alone', () => {
      const dir = withExpert(0.6);
      const plain = readManifest(path.resolve(STANDIN)), m = readManifest(dir);
      expect(plain.modelSha256).toBe(plain.files.base.sha256);
      expect(m.highNoiseExpert).toEqual({ fromT: 0.6 });
      expect(m.modelSha256).toBe(createHash('sha256').update(`${m.files.base.sha256}\n${m.files.baseHigh.sha256}\n`).digest('hex'));
      expect(m.modelSha256).not.toBe(m.files.base.sha256);
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('the hand-off point is part of that hash (0.6, the first one shipped, keeps the old hash)', () => {
      const hashes = [0.6, 0.5, 0.55].map((fromT) => {
        const dir = withExpert(fromT);
        const h = readManifest(dir).modelSha256;
        fs.rmSync(dir, { recursive: true, force: true });
        return h;
      });
      expect(new Set(hashes).size).toBe(3);
      const m = readManifest(path.resolve(STANDIN));
      expect(hashes[0]).toBe(createHash('sha256').update(`${m.files.base.sha256}\n${m.files.base.sha256}\n`).digest('hex'));
    });

    it('rejects an expert whose file is not listed or whose fromT is outside (0, 1)', () => {
      for (const [fromT, file, msg] of [[0.6, 'nope', /names file "nope"/], [1.5, 'baseHigh', /fromT must be between 0 and 1/], ['x', 'baseHigh', /fromT/]] as const) {
        const dir = withExpert(fromT, file);
        expect(() => readManifest(dir)).toThrow(msg);
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('the sampler sends every step with t >= fromT to the expert and the rest to the base', async () => {
      const dir = withExpert(0.6);
      const m = await loadModelFrom(dir);
      expect(m.baseHigh).not.toBeNull();
      const seen: { who: string; t: number }[] = [];
      const spy = (who: string, s: LoadedModel['base']) =>
        ({ run: (feeds: Record<string, { data: unknown }>) => (seen.push({ who, t: (feeds.t.data as Float32Array)[0] }), s.run(feeds as never)) }) as unknown as LoadedModel['base'];
      const spied: LoadedModel = { ...m, base: spy('base', m.base), baseHigh: spy('expert', m.baseHigh!) };
      const opts = { tokens: [1, 2, 3, 1, 1], seeds: [5], steps: 10, guidance: 3, scheduler: 'unipc' as const };
      const out = await sampleBase(spied, opts);
      expect(seen.map((c) => c.who)).toEqual([...Array(5).fill('expert'), ...Array(5).fill('base')]);
      for (const c of seen) expect(c.who === 'expert').toBe(c.t >= 0.6 - 1e-6);
      // the expert here has the base's weights: routing alone must not change a single byte
      const plain = await sampleBase(await loadModelFrom(STANDIN), opts);
      expect(Buffer.from(out.buffer).equals(Buffer.from(plain.buffer))).toBe(true);
      fs.rmSync(dir, { recursive: true, force: true });
    });
  });
});
