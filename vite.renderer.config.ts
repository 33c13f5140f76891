import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './main/shell-common/assets.ts';

// frame-ancestors is ignored (with a warning) in a meta tag; the Electron protocol sends it as a header.
const metaPolicy = CONTENT_SECURITY_POLICY.split('; ')
  .filter((d) => !d.startsWith('frame-ancestors'))
  .join('; ');

/** One source for the policy: the same constant the Electron protocol handler sends. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'holding-csp',
    transformIndexHtml: (html) => html.replace('%HOLDING_CSP%', metaPolicy),
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('./renderer/', import.meta.url)),
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome130',
    // The polyfill would be inline script, which the CSP forbids; Chromium does not need it.
    modulePreload: { polyfill: false },
    sourcemap: false,
    chunkSizeWarningLimit: 2500,
  },
});
