import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type InlineConfig, type Plugin } from 'vite';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The script-tag build in dist/ (package.json `unpkg`), as the page would load it from a CDN. */
export function scriptTagFile(): string {
  const pkg = JSON.parse(readFileSync(resolve(repo, 'package.json'), 'utf8')) as { unpkg?: string };
  return resolve(repo, pkg.unpkg ?? 'dist/lava-checkout.iife.js');
}

function serveScriptTagBuild(): Plugin {
  return {
    name: 'playground-script-tag-build',
    configureServer(server) {
      server.middlewares.use('/sdk/lava-checkout.js', (_req, res) => {
        const file = scriptTagFile();
        if (!existsSync(file)) {
          res.statusCode = 404;
          res.end('// run `npm run build:lib` first');
          return;
        }
        res.setHeader('content-type', 'text/javascript; charset=utf-8');
        res.setHeader('cache-control', 'no-store');
        createReadStream(file).pipe(res);
      });
    },
  };
}

export interface PlaygroundViteOptions {
  /** Where /api is proxied: the merchant backend. */
  backendUrl: string;
  port: number;
}

/**
 * The merchant page on `localhost` (the checkout is on 127.0.0.1: two origins). It imports
 * `@lavapayments/checkout` from the package source, so it runs without a build.
 */
export function playgroundViteConfig({ backendUrl, port }: PlaygroundViteOptions): InlineConfig {
  return {
    root: resolve(repo, 'playground/web'),
    configFile: false,
    cacheDir: resolve(repo, 'node_modules/.vite-playground'),
    logLevel: 'warn',
    clearScreen: false,
    plugins: [react(), serveScriptTagBuild()],
    resolve: { alias: [{ find: /^@lavapayments\/checkout$/, replacement: resolve(repo, 'src/index.ts') }] },
    optimizeDeps: { include: ['react', 'react-dom/client', 'react/jsx-dev-runtime'] },
    server: {
      host: 'localhost',
      port,
      strictPort: true,
      proxy: { '/api': { target: backendUrl, changeOrigin: false } },
    },
  };
}

// `vite --config playground/vite.config.ts` alone (backend on its default port).
export default defineConfig(
  playgroundViteConfig({ backendUrl: process.env.PLAYGROUND_BACKEND_URL ?? 'http://127.0.0.1:4243', port: Number(process.env.PLAYGROUND_WEB_PORT ?? 5173) }),
);
