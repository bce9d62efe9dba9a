// ESLint: Next.js' rules (React, hooks, accessibility, Core Web Vitals) and typescript-eslint's,
// run by `npm test` with no warnings allowed.
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // Unused on purpose: a leading underscore (a field dropped from a spread, an unused argument).
      '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Design tiles, previews and photos are generated PNGs served by our own routes with their
      // own caching (images.unoptimized): next/image's optimiser would only re-encode them.
      '@next/next/no-img-element': 'off',
    },
  },
  {
    ignores: ['.*/**', '.*', '.next/**', 'node_modules/**', 'lib/db/generated/**', 'models/**', 'test-results/**', 'playwright-report/**', 'e2e/.artifacts/**', 'bench/.tmp/**', 'next-env.d.ts'],
  },
];
export default config;
