// Declarations for `./webhooks`: tsc emits .d.ts files, then each gets explicit `.js`
// specifiers (ESM) and a `.d.cts` twin with `.cjs` specifiers (CJS), so both
// resolutions type-check under node16/nodenext.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

const out = 'dist/webhooks/types';
const tmp = mkdtempSync(join(tmpdir(), 'webhooks-types-'));
execFileSync(
  process.execPath,
  [
    'node_modules/typescript/bin/tsc',
    'src/webhooks/index.ts', '--ignoreConfig',
    '--declaration', '--emitDeclarationOnly', '--skipLibCheck', '--strict',
    '--target', 'es2022', '--module', 'esnext', '--moduleResolution', 'bundler',
    '--types', 'node', '--rootDir', 'src', '--outDir', tmp,
  ],
  { stdio: 'inherit' },
);

const SPECIFIER = /((?:from|import)\s*\(?\s*)(['"])(\.{1,2}\/[^'"]+)\2/g;
function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}
rmSync(out, { recursive: true, force: true });
for (const file of files(tmp).filter((f) => f.endsWith('.d.ts'))) {
  const source = readFileSync(file, 'utf8');
  const target = join(out, relative(tmp, file));
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, source.replace(SPECIFIER, '$1$2$3.js$2'));
  writeFileSync(target.replace(/\.d\.ts$/, '.d.cts'), source.replace(SPECIFIER, '$1$2$3.cjs$2'));
}
rmSync(tmp, { recursive: true, force: true });
console.log(`webhooks declarations -> ${out}`);
