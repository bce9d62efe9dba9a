// The architecture check's rules, run as `npm test` runs it: each domain touches only the
// Prisma models it owns; settings come from lib/env.ts; the design-id pattern is written once.
// A small project with planted violations must fail with each one named; the store must pass.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(repo, 'node_modules', '.bin', 'tsx');
const script = path.join(repo, 'scripts', 'check-architecture.ts');

function check(root?: string) {
  const r = spawnSync(tsx, [script, '--verbose', ...(root ? ['--root', root] : [])], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout };
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'seedprint-arch-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function project(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(tmp, 'p-'));
  const base: Record<string, string> = {
    'prisma/schema.prisma': 'model Design {\n  id String @id\n}\n\nmodel Cart {\n  id String @id\n}\n\nmodel Listing {\n  id String @id\n}\n',
    'lib/db/client.ts': 'export const db = {} as any;\n',
    'lib/generation/index.ts': "export { designCount } from './design-repository';\n",
    'lib/generation/design-repository.ts': "import { db } from '../db/client';\nexport const designCount = () => db.design.count();\n",
    'lib/cart/index.ts': "export { carts } from './cart-repository';\n",
    'lib/cart/cart-repository.ts': "import { db } from '../db/client';\n// db.design.count() in a comment is no access\nexport const carts = () => db.cart.findMany({ where: { note: 'db.design.count()' } });\n",
  };
  for (const [f, text] of Object.entries({ ...base, ...files })) {
    fs.mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    fs.writeFileSync(path.join(root, f), text);
  }
  return root;
}

describe('architecture check: tables', () => {
  it('passes a project whose domains touch only their own models', () => {
    const r = check(project({}));
    expect(r.out).toContain('ok   Prisma models touched outside their domain: 0');
    expect(r.code).toBe(0);
  });

  it('fails on a model delegate, a raw SQL target, an app file and an unowned model, naming each', () => {
    const r = check(
      project({
        'lib/cart/cart-repository.ts': "import { db } from '../db/client';\nexport const hasDesign = async (id: string) => (await db.design.count({ where: { id } })) > 0;\n",
        // any handle name counts when a delegate method is called on the model
        'lib/cart/lines.ts': "import { db } from '../db/client';\nexport const n = (t: typeof db) => t.listing.findMany();\n",
        // the statement's target counts; a JOINed table is a relation read
        'lib/catalog/search.ts': "import { db } from '../db/client';\nexport const s = () => db.$queryRaw`SELECT l.id FROM \"Listing\" l JOIN \"Design\" d ON d.id = l.\"designId\"`;\n",
        'app/page.tsx': "import { db } from '@/lib/db/client';\nexport default async function Page() {\n  return (await db.cart.count()).toString();\n}\n",
        'prisma/schema.prisma': 'model Design {\n  id String @id\n}\n\nmodel Gadget {\n  id String @id\n}\n',
      }),
    );
    expect(r.code).toBe(1);
    expect(r.out).toContain('FAIL Prisma models touched outside their domain: 4');
    expect(r.out).toContain('lib/cart/cart-repository.ts:2  cart touches Design (owned by lib/generation: use its index.ts)');
    expect(r.out).toContain('lib/cart/lines.ts:2  cart touches Listing (owned by lib/listings: use its index.ts)');
    expect(r.out).toContain('lib/catalog/search.ts:2  catalog touches Listing (owned by lib/listings: use its index.ts)');
    expect(r.out).toContain('app/page.tsx:3  app touches Cart (go through lib/cart/index.ts)');
    expect(r.out.match(/catalog touches/g)).toHaveLength(1); // not the JOINed Design
    expect(r.out).toContain('FAIL Prisma models without an owner: 1');
    expect(r.out).toContain('prisma/schema.prisma:5  model Gadget has no owner in TABLE_OWNERS');
  });

  it('passes the store itself', () => {
    const r = check();
    expect(r.out).toContain('ok   Prisma models touched outside their domain: 0');
    expect(r.out).toContain('ok   Prisma models without an owner: 0');
    expect(r.code).toBe(0);
  });
});

describe('architecture check: settings and the design-id pattern', () => {
  it('fails on a setting read outside lib/env.ts and on a copy of the 64-hex pattern, naming each; the framework\'s NEXT_RUNTIME and the one home pass', () => {
    const r = check(
      project({
        'lib/cart/limits.ts': "export const max = Number(process.env.CART_MAX ?? 50);\nexport const isId = (v: string) => /^[0-9a-f]{64}$/.test(v);\n",
        'lib/sha256.ts': 'export const SHA256_HEX = /^[0-9a-f]{64}$/;\n',
        'instrumentation.ts': "export async function register() {\n  if (process.env.NEXT_RUNTIME !== 'nodejs') return;\n}\n",
      }),
    );
    expect(r.code).toBe(1);
    expect(r.out).toContain('FAIL process.env reads outside lib/env.ts: 1');
    expect(r.out).toContain('lib/cart/limits.ts:1  CART_MAX');
    expect(r.out).toContain('FAIL copies of the design-id pattern: 1');
    expect(r.out).toContain('lib/cart/limits.ts:2  /^[0-9a-f]{64}$/');
  });

  it('the store reads every setting through lib/env.ts and writes the pattern once', () => {
    const r = check();
    expect(r.out).toContain('ok   process.env reads outside lib/env.ts: 0');
    expect(r.out).toContain('ok   copies of the design-id pattern: 0');
  });
});

