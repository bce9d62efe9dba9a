// Content-addressed blob storage: key = sha256 hex of the bytes. Backend from env():
// STORAGE_BACKEND=local (default, ${DATA_DIR}/blobs) or s3 (S3_ENDPOINT, S3_BUCKET, …).
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { env } from '../env';
import { LocalBlobStore } from './local';
import { S3BlobStore } from './s3';
import type { BlobStore, PutOptions } from './types';

export { LocalBlobStore } from './local';
export { S3BlobStore, type S3Options } from './s3';
export { BlobNotFoundError, type BlobStore, type PutOptions } from './types';

export function sha256Hex(buf: Uint8Array): string {
  return createHash('sha256').update(buf).digest('hex');
}

export function storeFromEnv(): BlobStore {
  const e = env();
  if (e.STORAGE_BACKEND === 's3') {
    return new S3BlobStore({
      endpoint: e.S3_ENDPOINT,
      region: e.S3_REGION,
      bucket: e.S3_BUCKET!,
      accessKeyId: e.S3_ACCESS_KEY_ID,
      secretAccessKey: e.S3_SECRET_ACCESS_KEY,
      forcePathStyle: e.S3_FORCE_PATH_STYLE || undefined,
    });
  }
  return new LocalBlobStore(path.resolve(e.dataDir));
}

const g = globalThis as unknown as { seedprintStore?: BlobStore };

/** The process-wide store (tests may replace it with setStore). */
export function store(): BlobStore {
  return (g.seedprintStore ??= storeFromEnv());
}

export function setStore(s: BlobStore | undefined) {
  g.seedprintStore = s;
}

export async function putBlob(buf: Buffer, opts: PutOptions = {}, s: BlobStore = store()): Promise<{ key: string; bytes: number }> {
  const key = sha256Hex(buf);
  await s.put(key, buf, opts);
  return { key, bytes: buf.length };
}

export const getBlob = (key: string, s: BlobStore = store()): Promise<Buffer> => s.get(key);
export const getBlobStream = (key: string, s: BlobStore = store()): Promise<Readable> => s.stream(key);
export const hasBlob = (key: string, s: BlobStore = store()): Promise<boolean> => s.has(key);
export const deleteBlob = (key: string, s: BlobStore = store()): Promise<void> => s.delete(key);
export const putRef = (name: string, key: string, s: BlobStore = store()): Promise<void> => s.putRef(name, key);
export const getRef = (name: string, s: BlobStore = store()): Promise<string | null> => s.getRef(name);
