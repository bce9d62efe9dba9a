// ONNX Runtime off the main thread (lib/generation/ort-pool.ts starts it). onnxruntime-node runs a
// session synchronously on the thread that calls run(), so in the server's main thread every UNet
// or super-resolution call stopped all HTTP traffic for its duration. Here it blocks only this
// worker; and this thread lowers its own scheduling priority (nice) before ORT creates its thread
// pools, which inherit it, so the CPU goes to page requests first and to renders with what is left.
// Plain JavaScript: started with `new Worker(path)` in the dev server, `next start`, tests and scripts.
import { parentPort, workerData } from 'node:worker_threads';
import * as ort from 'onnxruntime-node';
import { lowerThreadPriority } from './thread-priority.mjs';

const niced = lowerThreadPriority(workerData?.nice);

/** file -> Promise<{ session, provider }> */
const sessions = new Map();

async function open(file, options, providers) {
  let p = sessions.get(file);
  if (!p) {
    p = (async () => {
      if (providers[0] === 'cuda') {
        try {
          return { session: await ort.InferenceSession.create(file, { ...options, executionProviders: ['cuda', 'cpu'] }), provider: 'cuda' };
        } catch (err) {
          console.warn(`[generation] CUDA execution provider unavailable (${String(err?.message ?? err).split('\n')[0]}); using CPU`);
        }
      }
      return { session: await ort.InferenceSession.create(file, { ...options, executionProviders: ['cpu'] }), provider: 'cpu' };
    })();
    sessions.set(file, p);
    p.catch(() => sessions.delete(file));
  }
  return p;
}

parentPort.on('message', async (msg) => {
  try {
    if (msg.op === 'open') {
      const { session, provider } = await open(msg.file, msg.options, msg.providers);
      const inputMetadata = Array.isArray(session.inputMetadata) ? session.inputMetadata.map((m) => ({ name: m.name, type: m.type })) : undefined;
      parentPort.postMessage({ id: msg.id, ok: true, result: { provider, inputNames: session.inputNames, outputNames: session.outputNames, inputMetadata, niced } });
    } else if (msg.op === 'run') {
      const { session } = await open(msg.file, msg.options, msg.providers);
      const feeds = {};
      for (const [k, t] of Object.entries(msg.feeds)) feeds[k] = new ort.Tensor(t.type, t.data, t.dims);
      const out = await session.run(feeds);
      const result = {};
      for (const [k, t] of Object.entries(out)) result[k] = { type: t.type, data: t.data, dims: t.dims };
      parentPort.postMessage({ id: msg.id, ok: true, result });
    } else {
      throw new Error(`unknown request ${JSON.stringify(msg.op)}`); // answered, so the caller never waits for nothing
    }
  } catch (err) {
    parentPort.postMessage({ id: msg.id, ok: false, error: String(err?.stack ?? err) });
  }
});
