// Size budgets of the host SDK, minified + gzip, measured on the built files in dist/:
// each entry is bundled with everything it loads (React external) and minified, as a
// merchant's bundler would. Prints every size; exits 1 when one is over budget.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

// The host SDK's budgets; the check fails when any entry is over.
const budgets = [
  { name: 'vanilla (dist/lib/vanilla.js)', file: 'dist/lib/vanilla.js', target: 3.0 },
  { name: 'React entry + core (dist/lib/index.js)', file: 'dist/lib/index.js', target: 3.5 },
  { name: 'script tag (dist/lava-checkout.umd.js)', file: 'dist/lava-checkout.umd.js', target: 4.0, asIs: true },
  { name: 'script tag, earlier name (dist/lava-checkout.iife.js)', file: 'dist/lava-checkout.iife.js', target: 4.0, asIs: true },
];

async function minified(file) {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      lib: { entry: file, formats: ['es'], fileName: 'entry' },
      rolldownOptions: { external: [/^react($|\/)/, /^react-dom($|\/)/], output: { minify: true } },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
  return outputs
    .filter((o) => o.type === 'chunk')
    .map((o) => o.code)
    .join('\n');
}

let failed = false;
for (const budget of budgets) {
  const code = budget.asIs ? readFileSync(budget.file, 'utf8') : await minified(budget.file);
  const kb = gzipSync(code, { level: 9 }).length / 1000;
  const over = kb > budget.target;
  failed ||= over;
  console.log(`${over ? 'OVER' : 'ok  '} ${budget.name}: ${kb.toFixed(3)} kB min+gzip (target ${budget.target.toFixed(1)} kB, ${((budget.target - kb) * 1000).toFixed(0)} B to spare)`);
}
process.exit(failed ? 1 : 0);
