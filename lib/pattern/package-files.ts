// Files inside npm packages (emoji art, CLDR names, colour names, fonts), found at run time from
// the app's folder. A bundler rewrites `createRequire(import.meta.url).resolve()` in server code
// into module ids, so the resolver is built from a path it cannot see at build time.
import { createRequire } from 'node:module';
import path from 'node:path';

export const packageRequire = createRequire(path.join(process.cwd(), 'package.json'));
