// Local-folder backend: ${dataDir}/blobs/ab/cd/<sha256>. Writes go to a temp file in the same
// directory, are fsynced, then renamed into place: a reader never sees a half-written blob.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { BlobNotFoundError, blobPath, checkKey, checkRef, type BlobStore, type PutOptions } from './types';

export class LocalBlobStore implements BlobStore {
  readonly kind = 'local' as const;
  constructor(readonly root: string) {}

  private file(key: string) {
    return path.join(this.root, blobPath(checkKey(key)));
  }

  private async atomicWrite(file: string, buf: Buffer) {
    await fsp.mkdir(path.dirname(file), { recursive: true });
    const tmp = path.join(path.dirname(file), `.tmp-${path.basename(file)}-${process.pid}-${randomBytes(6).toString('hex')}`);
    const fh = await fsp.open(tmp, 'wx', 0o644);
    try {
      await fh.writeFile(buf);
      await fh.sync();
    } finally {
      await fh.close();
    }
    try {
      await fsp.rename(tmp, file);
    } catch (err) {
      await fsp.rm(tmp, { force: true });
      throw err;
    }
  }

  async put(key: string, buf: Buffer, _opts: PutOptions): Promise<void> {
    const file = this.file(key);
    if (fs.existsSync(file)) return; // content-addressed: same key, same bytes
    await this.atomicWrite(file, buf);
  }

  async get(key: string): Promise<Buffer> {
    try {
      return await fsp.readFile(this.file(key));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new BlobNotFoundError(key);
      throw err;
    }
  }

  async stream(key: string): Promise<Readable> {
    const file = this.file(key);
    if (!fs.existsSync(file)) throw new BlobNotFoundError(key);
    return fs.createReadStream(file);
  }

  async has(key: string): Promise<boolean> {
    return fs.existsSync(this.file(key));
  }

  async delete(key: string): Promise<void> {
    await fsp.rm(this.file(key), { force: true });
  }

  async putRef(name: string, key: string): Promise<void> {
    await this.atomicWrite(path.join(this.root, 'refs', checkRef(name)), Buffer.from(checkKey(key)));
  }

  async getRef(name: string): Promise<string | null> {
    try {
      return (await fsp.readFile(path.join(this.root, 'refs', checkRef(name)), 'utf8')).trim();
    } catch {
      return null;
    }
  }
}
