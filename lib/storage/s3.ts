// S3-compatible backend (AWS S3, MinIO, R2, s3rver…) via @aws-sdk/client-s3, loaded lazily so
// the local backend never needs it. Objects: blobs/ab/cd/<sha256>, refs/<name>.
import { Readable } from 'node:stream';
import type { S3Client } from '@aws-sdk/client-s3';
import { BlobNotFoundError, blobPath, checkKey, checkRef, type BlobStore, type PutOptions } from './types';

export interface S3Options {
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle?: boolean;
}

type Sdk = typeof import('@aws-sdk/client-s3');

function isNotFound(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404;
}

export class S3BlobStore implements BlobStore {
  readonly kind = 's3' as const;
  private client?: Promise<{ sdk: Sdk; c: S3Client }>;

  constructor(readonly opts: S3Options) {}

  private async s3() {
    this.client ??= import('@aws-sdk/client-s3').then((sdk) => ({
      sdk,
      c: new sdk.S3Client({
        endpoint: this.opts.endpoint,
        region: this.opts.region,
        forcePathStyle: this.opts.forcePathStyle ?? Boolean(this.opts.endpoint),
        credentials: this.opts.accessKeyId ? { accessKeyId: this.opts.accessKeyId, secretAccessKey: this.opts.secretAccessKey ?? '' } : undefined,
        // Plain PUTs with Content-MD5-free bodies: many S3-compatible servers reject the
        // SDK's default aws-chunked trailing checksums.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      }),
    }));
    return this.client;
  }

  async put(key: string, buf: Buffer, opts: PutOptions): Promise<void> {
    if (await this.has(key)) return;
    const { sdk, c } = await this.s3();
    await c.send(new sdk.PutObjectCommand({ Bucket: this.opts.bucket, Key: blobPath(checkKey(key)), Body: buf, ContentType: opts.contentType ?? 'application/octet-stream', ContentLength: buf.length }));
  }

  async get(key: string): Promise<Buffer> {
    const s = await this.stream(key);
    const chunks: Buffer[] = [];
    for await (const ch of s) chunks.push(Buffer.from(ch));
    return Buffer.concat(chunks);
  }

  async stream(key: string): Promise<Readable> {
    const { sdk, c } = await this.s3();
    try {
      const r = await c.send(new sdk.GetObjectCommand({ Bucket: this.opts.bucket, Key: blobPath(checkKey(key)) }));
      return r.Body as Readable;
    } catch (err) {
      if (isNotFound(err)) throw new BlobNotFoundError(key);
      throw err;
    }
  }

  async has(key: string): Promise<boolean> {
    const { sdk, c } = await this.s3();
    try {
      await c.send(new sdk.HeadObjectCommand({ Bucket: this.opts.bucket, Key: blobPath(checkKey(key)) }));
      return true;
    } catch (err) {
      if (isNotFound(err)) return false;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    const { sdk, c } = await this.s3();
    await c.send(new sdk.DeleteObjectCommand({ Bucket: this.opts.bucket, Key: blobPath(checkKey(key)) }));
  }

  async putRef(name: string, key: string): Promise<void> {
    const { sdk, c } = await this.s3();
    await c.send(new sdk.PutObjectCommand({ Bucket: this.opts.bucket, Key: `refs/${checkRef(name)}`, Body: checkKey(key), ContentType: 'text/plain' }));
  }

  async getRef(name: string): Promise<string | null> {
    const { sdk, c } = await this.s3();
    try {
      const r = await c.send(new sdk.GetObjectCommand({ Bucket: this.opts.bucket, Key: `refs/${checkRef(name)}` }));
      return (await r.Body!.transformToString()).trim();
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  destroy() {
    void this.client?.then(({ c }) => c.destroy());
  }
}
