import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobNotFoundError, deleteBlob, getBlob, getBlobStream, hasBlob, LocalBlobStore, putBlob, S3BlobStore, type BlobStore } from '../../lib/storage';
import { freePort } from '../setup/free-port';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function readAll(s: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of s) parts.push(Buffer.from(c as Buffer));
  return Buffer.concat(parts);
}

function contract(name: string, make: () => BlobStore) {
  describe(name, () => {
    it('stores by sha256, reads back bytes and streams, deletes', async () => {
      const s = make();
      const buf = Buffer.from(`hello ${name} ${Math.random()}`);
      const r = await putBlob(buf, { contentType: 'text/plain' }, s);
      expect(r).toEqual({ key: sha(buf), bytes: buf.length });
      expect(await hasBlob(r.key, s)).toBe(true);
      expect((await getBlob(r.key, s)).equals(buf)).toBe(true);
      expect((await readAll(await getBlobStream(r.key, s))).equals(buf)).toBe(true);
      // idempotent: the same content again is the same key
      expect((await putBlob(Buffer.from(buf), {}, s)).key).toBe(r.key);
      await deleteBlob(r.key, s);
      expect(await hasBlob(r.key, s)).toBe(false);
      await expect(getBlob(r.key, s)).rejects.toBeInstanceOf(BlobNotFoundError);
    });
    it('refuses keys that are not sha256 hex (no path tricks)', async () => {
      await expect(getBlob('../../etc/passwd', make())).rejects.toThrow(/sha256/);
    });
    it('named refs point at blobs', async () => {
      const s = make();
      const { key } = await putBlob(Buffer.from('ref target'), {}, s);
      expect(await s.getRef('recipe/abc@64.png')).toBeNull();
      await s.putRef('recipe/abc@64.png', key);
      expect(await s.getRef('recipe/abc@64.png')).toBe(key);
    });
  });
}

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'seedprint-blobs-'));
contract('local folder backend', () => new LocalBlobStore(root));

describe('local folder backend layout', () => {
  it('writes blobs/ab/cd/<sha> atomically, never leaving temp files', async () => {
    const s = new LocalBlobStore(root);
    const big = Buffer.alloc(3 << 20, 7);
    const key = sha(big);
    // 8 concurrent writers of the same blob + readers polling: readers see all or nothing
    const seen: number[] = [];
    let done = false;
    const reader = (async () => {
      while (!done) {
        if (await s.has(key)) seen.push((await s.get(key)).length);
        await new Promise((r) => setImmediate(r));
      }
    })();
    await Promise.all(Array.from({ length: 8 }, () => putBlob(big, {}, s)));
    done = true;
    await reader;
    const file = path.join(root, 'blobs', key.slice(0, 2), key.slice(2, 4), key);
    expect(fs.statSync(file).size).toBe(big.length);
    expect(seen.every((n) => n === big.length)).toBe(true);
    expect(fs.readdirSync(path.dirname(file)).filter((f) => f.startsWith('.tmp'))).toEqual([]);
  });
});

let s3: S3rver | undefined;
let s3Opts: ConstructorParameters<typeof S3BlobStore>[0];
const s3Dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seedprint-s3rver-'));
beforeAll(async () => {
  const port = await freePort();
  s3 = new S3rver({ port, address: '127.0.0.1', silent: true, directory: s3Dir, configureBuckets: [{ name: 'seedprint-test', configs: [] }] });
  await s3.run();
  s3Opts = { endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1', bucket: 'seedprint-test', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', forcePathStyle: true };
});
afterAll(async () => {
  await s3?.close();
  fs.rmSync(s3Dir, { recursive: true, force: true });
  fs.rmSync(root, { recursive: true, force: true });
});
contract('S3 backend (s3rver)', () => new S3BlobStore(s3Opts));
