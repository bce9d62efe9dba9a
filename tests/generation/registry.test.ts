import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModelFrom, readManifest } from '../../lib/generation/model-registry';

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
});
