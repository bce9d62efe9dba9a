// Factory API keys from the command line (the admin UI does the same):
//   npm run factory-key -- create "Factory name" [label]   prints the key once
//   npm run factory-key -- revoke <keyId>
//   npm run factory-key -- list
import { createApiKey, createFactory, listFactories, revokeApiKey } from '../lib/fulfillment';

const [cmd, a, b] = process.argv.slice(2);
if (!process.env.DATABASE_URL) {
  console.error('DATABASE_URL is not set (the embedded store prints it at start-up).');
  process.exit(2);
}
if (cmd === 'create' && a) {
  const factory = await createFactory(a);
  const key = await createApiKey(factory.id, b ?? 'cli');
  console.log(`factory ${factory.name} (${factory.id})\nkey id  ${key.id}\napi key ${key.key}\n(store it now: it is not shown again)`);
} else if (cmd === 'revoke' && a) {
  const r = await revokeApiKey(a);
  console.log(r.count ? `revoked ${a}` : `no active key ${a}`);
  if (!r.count) process.exitCode = 1;
} else if (cmd === 'list') {
  for (const f of await listFactories()) {
    console.log(`${f.name} (${f.id})`);
    for (const k of f.apiKeys) console.log(`  ${k.id}  ${k.prefix}…  ${k.label}  ${k.revokedAt ? `revoked ${k.revokedAt.toISOString()}` : 'active'}`);
  }
} else {
  console.error('usage: factory-key create "<factory>" [label] | revoke <keyId> | list');
  process.exitCode = 2;
}
process.exit();
