import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { defineConfig, type UserConfig } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };

/**
 * One root manifest.json, two targets (N2P_TARGET=chrome|firefox, see
 * scripts/build.ts). Build-time config: N2P_API_BASE (the host permission
 * follows it) and N2P_CLIENT_ID.
 */
export type Target = 'chrome' | 'firefox';

export function apiBaseFromEnv(value = process.env.N2P_API_BASE): string {
  const raw = (value ?? '').trim() || 'https://integrate.versature.com';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`N2P_API_BASE is not a URL: ${raw}`);
  }
  const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    throw new Error(`N2P_API_BASE must be https:// (http:// only for 127.0.0.1/localhost): ${raw}`);
  }
  return url.origin;
}

/**
 * The development extension id the manifest's `key` gives in Chrome (the key's SHA-256, first 32
 * hex digits spelled a–p). Policies and tests can name it; the store's id differs (README,
 * "For administrators"), and `npm run package` leaves `key` out, as the store requires.
 */
export const DEV_CHROME_ID = 'eacdnepgeknopnphimagddcobpehahjh';

export function manifestFor(target: Target, apiBase: string): ManifestV3Export {
  // Chrome only: the stable id (`key`) and the managed-storage schema. Firefox reads policies
  // from its own policies.json (`3rdparty`), needs no schema, and warns about both keys.
  const { background, browser_specific_settings, key, storage, ...common } =
    structuredClone(baseManifest);
  // Match patterns take no port; the host permission covers the API's host.
  const host = new URL(apiBase);
  return {
    ...common,
    version: pkg.version,
    host_permissions: [`${host.protocol}//${host.hostname}/*`],
    ...(target === 'chrome'
      ? {
          key,
          storage,
          background: { service_worker: background.service_worker, type: 'module' as const },
        }
      : {
          background: { scripts: background.scripts, type: 'module' as const },
          browser_specific_settings,
        }),
  } as ManifestV3Export;
}

export default defineConfig((): UserConfig => {
  const target: Target = process.env.N2P_TARGET === 'firefox' ? 'firefox' : 'chrome';
  const apiBase = apiBaseFromEnv();
  return {
    define: {
      __N2P_API_BASE__: JSON.stringify(apiBase),
      __N2P_CLIENT_ID__: JSON.stringify((process.env.N2P_CLIENT_ID ?? '').trim()),
    },
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    plugins: [
      crx({
        manifest: manifestFor(target, apiBase),
        browser: target,
        // Self-contained content script: no loader, no web-accessible chunks.
        contentScripts: { standaloneFiles: ['src/content/index.ts'] },
      }),
    ],
    build: {
      outDir: process.env.N2P_OUT_DIR || `dist/${target}`,
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      // Pages the manifest does not name: the confirmation window (issue 10).
      rollupOptions: { input: { confirm: 'src/confirm/index.html' } },
    },
  };
});
