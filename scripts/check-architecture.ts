// Architecture check (first step of `npm test`): measures the seams between the domains in lib/
// and fails when a rule is broken. Imports are read with TypeScript's own pre-processor, and the
// other rules walk TypeScript syntax trees, so comments and strings never count.
//
//   npx tsx scripts/check-architecture.ts                  measures; fails on loops, internal imports and foreign tables
//   npx tsx scripts/check-architecture.ts --strict-env     also fails on process.env reads outside lib/env.ts
//   npx tsx scripts/check-architecture.ts --verbose        lists every finding, not only the first few
//   npx tsx scripts/check-architecture.ts --root <dir>     checks another copy of the project (the tests plant findings in one)
//
// Rules:
//   loops            no cycle between lib/ domains (a domain is a folder under lib/)
//   internal import  a domain imports another one only through its index.ts (SHARED files aside)
//   foreign table    a domain's code touches only the Prisma models it owns (TABLE_OWNERS), through a
//                    model delegate (db.design.findMany, tx.user.update) or as the table a raw SQL
//                    statement reads or writes (FROM / INTO / UPDATE "Design"; a JOIN reads through a
//                    relation, like an `include`); app/ touches none. Other domains' rows are read
//                    and written through their owner's index.ts (a transaction client passed along
//                    where the write must share the caller's transaction). Every model has an owner.
//   env reads        process.env is read in lib/env.ts only (scripts' CLI flags and the framework's
//                    own NEXT_RUNTIME aside; FAIL_ON_ENV_READS, or --strict-env)
//   design-id copies the design-id pattern (64 hex digits) is written once, in lib/sha256.ts
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** Every setting is read through lib/env.ts. */
const FAIL_ON_ENV_READS = true;

/**
 * Files any domain may import directly: the configuration, the database client, the errors every
 * layer throws, colour maths (pure functions, also used where lib/print's heavy index must
 * not load), and the catalog's product data (what client-safe limits are read from, without the
 * catalog's database access). None has domain logic or imports a domain.
 */
const SHARED = ['lib/env.ts', 'lib/db/client.ts', 'lib/http/errors.ts', 'lib/print/colour.ts', 'lib/catalog/catalog-data.ts', 'lib/sha256.ts'];

/** Files that wire every domain together (worker start-up): they may import any index. */
const COMPOSITION_ROOTS = ['lib/workers.ts'];

/** Folders under lib/ that are infrastructure, not domains (generated code). */
const IGNORED = ['lib/db/generated'];

/** Which domain owns each Prisma model: only that domain's code reads or writes it. */
const TABLE_OWNERS: Record<string, string> = {
  user: 'auth', account: 'auth', session: 'auth', verificationToken: 'auth',
  product: 'catalog', productVariant: 'catalog', printArea: 'catalog',
  design: 'generation', rateLimitBucket: 'generation', renderSlot: 'generation',
  savedDesign: 'saved-designs',
  designLicense: 'sellers', sellerProfile: 'sellers',
  listing: 'listings', listingProduct: 'listings', listingPhoto: 'listings', listingDailyStat: 'listings', campaign: 'listings',
  cart: 'cart', cartItem: 'cart',
  order: 'orders', orderItem: 'orders', orderStatusEvent: 'orders', payment: 'orders', webhookEvent: 'orders',
  outboxEmail: 'email',
  shipment: 'fulfillment', factory: 'fulfillment', factoryApiKey: 'fulfillment', factoryApiRateLimit: 'fulfillment', fulfillmentJob: 'fulfillment', printFile: 'fulfillment', webhookEndpoint: 'fulfillment', webhookDelivery: 'fulfillment',
  tryonPhoto: 'tryon', tryonLook: 'tryon', tryonRender: 'tryon', tryonSiteModel: 'tryon',
};

/** A design id is the SHA-256 of its recipe: 64 lowercase hex digits, written once, in DESIGN_ID_HOME. */
const DESIGN_ID_PATTERN = /\[(0-9a-f|a-f0-9)\]\{64\}/;
const DESIGN_ID_HOME = 'lib/sha256.ts';
/** Set by Next.js itself in each bundle (nodejs or edge) and inlined when it builds: not a setting of the store. */
const FRAMEWORK_ENV = new Set(['NEXT_RUNTIME']);

const argv = process.argv.slice(2);
const args = new Set(argv);
const rootArg = argv.indexOf('--root');
const root = rootArg >= 0 ? path.resolve(argv[rootArg + 1]) : path.resolve(import.meta.dirname, '..');
const strictEnv = FAIL_ON_ENV_READS || args.has('--strict-env');
const verbose = args.has('--verbose');
const rel = (f: string) => path.relative(root, f).split(path.sep).join('/');

function walk(dir: string, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const f = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name === 'node_modules' || e.name.startsWith('.') || IGNORED.includes(rel(f))) continue;
      walk(f, out);
    } else if (/\.(ts|tsx|mts|mjs)$/.test(e.name) && !e.name.endsWith('.d.ts') && !e.name.endsWith('.d.mts')) out.push(f);
  }
  return out;
}

const EXTS = ['', '.ts', '.tsx', '.mts', '.mjs', '.js', '/index.ts', '/index.tsx'];

/** The project file an import names, or null for packages and node built-ins. */
function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith('@/')) base = path.join(root, spec.slice(2));
  else if (spec.startsWith('.')) base = path.resolve(path.dirname(from), spec);
  else return null;
  for (const ext of EXTS) {
    const f = base + ext;
    if (fs.existsSync(f) && fs.statSync(f).isFile()) return f;
  }
  // `./kernel.mjs` written for a `.mts`/`.ts` twin
  const stripped = base.replace(/\.(m?js)$/, '');
  for (const ext of ['.ts', '.mts']) if (fs.existsSync(stripped + ext)) return stripped + ext;
  return base;
}

/** `lib/<domain>/…` → domain; top-level lib files and files outside lib → null. */
function domainOf(file: string): string | null {
  const r = rel(file);
  const m = /^lib\/([^/]+)\//.exec(r);
  return m ? m[1] : null;
}

const isIndex = (file: string) => /^lib\/[^/]+\/index\.(ts|tsx)$/.test(rel(file));

type Finding = { file: string; line?: number; text: string };
const libFiles = walk(path.join(root, 'lib'));
const prodFiles = [...libFiles, ...walk(path.join(root, 'app')), ...['instrumentation.ts', 'proxy.ts', 'next.config.mjs'].map((f) => path.join(root, f)).filter((f) => fs.existsSync(f))];

// ---- imports: domain graph and internal imports ----
const edges = new Map<string, Map<string, Finding[]>>(); // from domain → to domain → where
const internalImports: Finding[] = [];
for (const file of libFiles) {
  const from = domainOf(file);
  const source = fs.readFileSync(file, 'utf8');
  const info = ts.preProcessFile(source, true, true);
  for (const imp of info.importedFiles) {
    const target = resolveImport(file, imp.fileName);
    if (!target) continue;
    const to = domainOf(target);
    if (!from || !to || from === to) {
      // top-level lib files (env.ts, workers.ts) and imports inside one domain
      continue;
    }
    const line = source.slice(0, imp.pos).split('\n').length;
    const where = { file: rel(file), line, text: `${from} → ${imp.fileName}` };
    if (!SHARED.includes(rel(target))) {
      const m = edges.get(from) ?? new Map<string, Finding[]>();
      m.set(to, [...(m.get(to) ?? []), where]);
      edges.set(from, m);
      if (!isIndex(target) && !COMPOSITION_ROOTS.includes(rel(file))) internalImports.push({ ...where, text: `${where.text} (use lib/${to}/index.ts)` });
    }
  }
}

/** Strongly connected components of the domain graph with more than one domain (Tarjan). */
function loops(): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const nodes = new Set<string>([...edges.keys(), ...[...edges.values()].flatMap((m) => [...m.keys()])]);
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of edges.get(v)?.keys() ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1) out.push(comp.sort());
    }
  };
  for (const v of [...nodes].sort()) if (!idx.has(v)) visit(v);
  return out;
}

// ---- syntax-tree rules: foreign tables, env reads, design-id copies ----
const foreignTables: Finding[] = [];
const envReads: Finding[] = [];
const designIdCopies: Finding[] = [];
const tablesByDomain = new Map<string, Set<string>>();
const DB_HANDLES = new Set(['db', 'tx', 'prisma', 'client']);
/** Model delegate methods: `anyName.order.findMany(…)` is a table access whatever the handle is called. */
const DELEGATE_METHODS = new Set([
  'findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow', 'findMany', 'create', 'createMany', 'createManyAndReturn',
  'update', 'updateMany', 'updateManyAndReturn', 'upsert', 'delete', 'deleteMany', 'count', 'aggregate', 'groupBy',
]);
const RAW_SQL = new Set(['$queryRaw', '$executeRaw', '$queryRawUnsafe', '$executeRawUnsafe']);
/** PostgreSQL table name (the Prisma model's name) → the model's key in TABLE_OWNERS. */
const MODEL_OF_TABLE = new Map(Object.keys(TABLE_OWNERS).map((m) => [m[0].toUpperCase() + m.slice(1), m]));
/** The tables a statement reads or writes as its target; JOINed tables are relation reads. */
const SQL_TARGET = /\b(?:FROM|INTO|UPDATE)\s+"(\w+)"/gi;
const tableOf = (model: string) => model[0].toUpperCase() + model.slice(1);

// Every model in the schema has an owner, so a new table cannot slip past the rule.
const schemaFile = path.join(root, 'prisma', 'schema.prisma');
const unowned: Finding[] = fs.existsSync(schemaFile)
  ? [...fs.readFileSync(schemaFile, 'utf8').matchAll(/^model (\w+) \{/gm)]
      .filter((m) => !MODEL_OF_TABLE.has(m[1]))
      .map((m) => ({ file: 'prisma/schema.prisma', line: fs.readFileSync(schemaFile, 'utf8').slice(0, m.index).split('\n').length, text: `model ${m[1]} has no owner in TABLE_OWNERS` }))
  : [];

/** Records that `file` (in `domain`, null outside lib/<domain>/) reads or writes `model`'s table. */
function touch(file: string, domain: string | null, model: string, line: number) {
  if (!domain) {
    if (file.startsWith('app/')) foreignTables.push({ file, line, text: `app touches ${tableOf(model)} (go through lib/${TABLE_OWNERS[model]}/index.ts)` });
    return;
  }
  (tablesByDomain.get(domain) ?? tablesByDomain.set(domain, new Set()).get(domain)!).add(model);
  if (TABLE_OWNERS[model] !== domain) foreignTables.push({ file, line, text: `${domain} touches ${tableOf(model)} (owned by lib/${TABLE_OWNERS[model]}: use its index.ts)` });
}

for (const file of prodFiles) {
  const r = rel(file);
  const source = fs.readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const domain = domainOf(file);
  const at = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
  const visit = (n: ts.Node) => {
    if (ts.isPropertyAccessExpression(n)) {
      // process.env.X / process.env[X]
      if (ts.isIdentifier(n.expression) && n.expression.text === 'process' && n.name.text === 'env' && r !== 'lib/env.ts') {
        const parent = n.parent;
        const name = ts.isPropertyAccessExpression(parent) ? parent.name.text : ts.isElementAccessExpression(parent) ? parent.argumentExpression.getText(sf) : '(whole env)';
        if (!FRAMEWORK_ENV.has(name)) envReads.push({ file: r, line: at(n), text: name });
      }
      // db.order.findMany(…), tx.cartItem.create(…)
      if (ts.isIdentifier(n.expression) && Object.hasOwn(TABLE_OWNERS, n.name.text)) {
        const parent = n.parent;
        const delegateCall = ts.isPropertyAccessExpression(parent) && parent.expression === n && DELEGATE_METHODS.has(parent.name.text);
        if (DB_HANDLES.has(n.expression.text) || delegateCall) touch(r, domain, n.name.text, at(n));
      }
    }
    // db.$queryRaw`… FROM "Cart" …`, tx.$executeRawUnsafe('UPDATE "Order" …')
    const rawSql = (callee: ts.Expression) => ts.isPropertyAccessExpression(callee) && RAW_SQL.has(callee.name.text);
    let sql: ts.Node | undefined;
    if (ts.isTaggedTemplateExpression(n) && rawSql(n.tag)) sql = n.template;
    else if (ts.isCallExpression(n) && rawSql(n.expression) && n.arguments[0]) sql = n.arguments[0];
    if (sql && (ts.isNoSubstitutionTemplateLiteral(sql) || ts.isTemplateExpression(sql) || ts.isStringLiteralLike(sql))) {
      for (const m of sql.getText(sf).matchAll(SQL_TARGET)) {
        const model = MODEL_OF_TABLE.get(m[1]);
        if (model) touch(r, domain, model, at(sql));
      }
    }
    if (n.kind === ts.SyntaxKind.RegularExpressionLiteral || ts.isStringLiteralLike(n)) {
      if (r !== DESIGN_ID_HOME && DESIGN_ID_PATTERN.test(n.getText(sf))) designIdCopies.push({ file: r, line: at(n), text: n.getText(sf).slice(0, 60) });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
}

// ---- report ----
const cycles = loops();
const show = (title: string, items: Finding[], fails: boolean) => {
  const mark = items.length === 0 ? 'ok  ' : fails ? 'FAIL' : 'note';
  console.log(`${mark} ${title}: ${items.length}`);
  for (const f of verbose ? items : items.slice(0, 8)) console.log(`       ${f.file}${f.line ? `:${f.line}` : ''}  ${f.text}`);
  if (!verbose && items.length > 8) console.log(`       … ${items.length - 8} more (--verbose)`);
};

const domains = [...new Set(libFiles.map(domainOf).filter((d): d is string => !!d))].sort();
const edgeCount = [...edges.values()].reduce((n, m) => n + m.size, 0);
console.log(`architecture: ${domains.length} domains in lib/, ${edgeCount} dependencies between them, ${prodFiles.length} files read`);
const loopFindings = cycles.map((c) => ({ file: 'lib/', text: `${c.join(' ⇄ ')}: ${c.flatMap((a) => c.filter((b) => edges.get(a)?.has(b)).map((b) => `${a}→${b} (${edges.get(a)!.get(b)![0].file})`)).join(', ')}` }));
show('folder loops between domains', loopFindings, true);
show('imports of another domain’s internal files', internalImports, true);
show('Prisma models touched outside their domain', foreignTables, true);
show('Prisma models without an owner', unowned, true);
show('process.env reads outside lib/env.ts', envReads, strictEnv);
show('copies of the design-id pattern', designIdCopies, true);
if (verbose) for (const [d, s] of [...tablesByDomain].sort()) console.log(`       ${d}: ${[...s].sort().join(', ')}`);

const failed = cycles.length > 0 || internalImports.length > 0 || foreignTables.length > 0 || unowned.length > 0 || (strictEnv && envReads.length > 0) || designIdCopies.length > 0;
process.exit(failed ? 1 : 0);
