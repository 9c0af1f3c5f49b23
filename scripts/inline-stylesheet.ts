import type { Plugin } from 'vite';

/**
 * Puts the app's stylesheet into its page as a `<style>`: the first paint needs every rule of
 * it (a few kB), and on a slow link a separate request costs a round trip, or two where the
 * browser opens a new connection for it.
 */
export function inlineStylesheet(): Plugin {
  return {
    name: 'lava:inline-stylesheet',
    apply: 'build',
    enforce: 'post',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        if (!bundle) return html;
        return html.replace(/<link rel="stylesheet"[^>]*href="[^"]*\/(assets\/[^"]+\.css)"[^>]*>/g, (tag, fileName: string) => {
          const asset = bundle[fileName];
          if (asset?.type !== 'asset') throw new Error(`inline-stylesheet: ${fileName} is not in the bundle (${tag})`);
          delete bundle[fileName];
          return `<style>${String(asset.source).trim()}</style>`;
        });
      },
    },
  };
}
