// Declarations for `.`, `./vanilla` and `./script`: tsc emits .d.ts files, then each gets
// explicit `.js` specifiers (ESM) and a `.d.cts` twin with `.cjs` specifiers (CJS), so both
// resolutions type-check under node16/nodenext.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

const out = 'dist/lib/types';
const tmp = mkdtempSync(join(tmpdir(), 'lib-types-'));
execFileSync(
  process.execPath,
  [
    'node_modules/typescript/bin/tsc',
    'src/index.ts',
    'src/vanilla.ts',
    'src/umd.ts',
    'src/testing/index.ts',
    '--ignoreConfig',
    '--declaration',
    '--emitDeclarationOnly',
    '--skipLibCheck',
    '--strict',
    '--target',
    'es2022',
    '--module',
    'esnext',
    '--moduleResolution',
    'bundler',
    '--types',
    'react',
    '--rootDir',
    'src',
    '--outDir',
    tmp,
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
console.log(`host SDK declarations -> ${out}`);
