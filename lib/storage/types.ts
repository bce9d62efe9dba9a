import { SHA256_HEX } from '../sha256';
import type { Readable } from 'node:stream';
import { HttpError } from '../http/errors';

export interface PutOptions {
  contentType?: string;
}

export interface BlobStore {
  readonly kind: 'local' | 's3';
  put(key: string, buf: Buffer, opts: PutOptions): Promise<void>;
  get(key: string): Promise<Buffer>;
  stream(key: string): Promise<Readable>;
  has(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** Named pointer -> blob key (e.g. "recipe/<hash>@512.png" -> sha256), for caches. */
  putRef(name: string, key: string): Promise<void>;
  getRef(name: string): Promise<string | null>;
}

export class BlobNotFoundError extends HttpError {
  constructor(key: string) {
    super(404, `Blob ${key} not found.`, 'blob_not_found');
  }
}

export const KEY_RE = SHA256_HEX; // a blob's key is the SHA-256 of its bytes
export const REF_RE = /^[A-Za-z0-9._@/-]{1,200}$/;

export function checkKey(key: string): string {
  if (!KEY_RE.test(key)) throw new HttpError(400, 'A blob key is a sha256 hex digest.', 'invalid_blob_key');
  return key;
}

export function checkRef(name: string): string {
  if (!REF_RE.test(name) || name.includes('..') || name.startsWith('/')) throw new Error(`invalid ref name: ${name}`);
  return name;
}

/** blobs/ab/cd/<sha>: two fan-out levels keep directories small. */
export function blobPath(key: string): string {
  return `blobs/${key.slice(0, 2)}/${key.slice(2, 4)}/${key}`;
}
