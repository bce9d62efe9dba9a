// PNG filtering and compression (png-idat.mjs) for lib/generation/png.ts, in a worker thread at
// the renders' priority (ort-pool.ts starts it). Apart from ONNX Runtime's threads: a thread that
// never loads a native add-on ends cleanly whenever its process exits.
import { parentPort, workerData } from 'node:worker_threads';
import { pngIdat } from './png-idat.mjs';
import { lowerThreadPriority } from './thread-priority.mjs';

lowerThreadPriority(workerData?.nice);

parentPort.on('message', (msg) => {
  try {
    const idat = new Uint8Array(pngIdat(msg.rgb, msg.width, msg.height)); // own buffer (not the Buffer pool's): safe to transfer
    parentPort.postMessage({ id: msg.id, ok: true, result: idat }, [idat.buffer]);
  } catch (err) {
    parentPort.postMessage({ id: msg.id, ok: false, error: String(err?.stack ?? err) });
  }
});
