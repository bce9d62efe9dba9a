// Verify exported seedprint-tiny-v1 ONNX files with ONNX Runtime (Node) against torch
// reference outputs written by models/export_onnx.py / models/train_classifier.py.
//   node scripts/model/check_onnx.mjs [modelDir] [refDir]
// onnxruntime-node is resolved from the repo, or from ORT_DIR (a folder with node_modules).
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

const modelDir = process.argv[2] ?? 'models/seedprint-tiny-v1';
const refDir = process.argv[3] ?? 'models/.ckpt';
const req = createRequire(process.env.ORT_DIR ? path.join(process.env.ORT_DIR, 'x.js') : import.meta.url);
const ort = req('onnxruntime-node');

let worst = 0;
for (const name of ['base', 'baseHigh', 'sr', 'classifier']) {
  const refPath = path.join(refDir, `${name}_ref.json`);
  const onnxPath = path.join(modelDir, `${name}.onnx`);
  if (!fs.existsSync(refPath) || !fs.existsSync(onnxPath)) { console.log(`${name}: skipped`); continue; }
  const ref = JSON.parse(fs.readFileSync(refPath, 'utf8'));
  const t0 = performance.now();
  const sess = await ort.InferenceSession.create(onnxPath, { intraOpNumThreads: 1 });
  const tLoad = performance.now() - t0;
  const feeds = {};
  for (const [k, v] of Object.entries(ref.inputs)) {
    feeds[k] = v.type === 'int64'
      ? new ort.Tensor('int64', BigInt64Array.from(v.data.map(BigInt)), v.dims)
      : new ort.Tensor('float32', Float32Array.from(v.data), v.dims);
  }
  const t1 = performance.now();
  const out = await sess.run(feeds);
  const tRun = performance.now() - t1;
  for (const [k, v] of Object.entries(ref.outputs)) {
    const got = out[k].data;
    let err = 0, mag = 0;
    for (let i = 0; i < v.data.length; i++) { err = Math.max(err, Math.abs(got[i] - v.data[i])); mag = Math.max(mag, Math.abs(v.data[i])); }
    worst = Math.max(worst, err / Math.max(1, mag));
    console.log(`${name}.${k}: dims ${out[k].dims} maxAbsErr ${err.toExponential(2)} (max |ref| ${mag.toFixed(2)}) load ${tLoad.toFixed(0)}ms run ${tRun.toFixed(0)}ms`);
  }
}
console.log(JSON.stringify({ worstRelErr: worst, ok: worst < 5e-3 }));
