// tsc emits .d.ts files for the given entries, then each gets explicit `.js` specifiers (ESM)
// and a `.d.cts` twin with `.cjs` specifiers (CJS), so both resolutions type-check under
// node16/nodenext.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

const SPECIFIER = /((?:from|import)\s*\(?\s*)(['"])(\.{1,2}\/[^'"]+)\2/g;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/**
 * @param {{ entries: string[], types: string, out: string, tmpPrefix: string }} options
 *   entries: source files under src/; types: the one `--types` package; out: the folder to
 *   (re)write; tmpPrefix: the name of the scratch folder tsc writes into.
 */
export function emitDeclarations({ entries, types, out, tmpPrefix }) {
  const tmp = mkdtempSync(join(tmpdir(), tmpPrefix));
  execFileSync(
    process.execPath,
    [
      'node_modules/typescript/bin/tsc',
      ...entries,
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
      types,
      '--rootDir',
      'src',
      '--outDir',
      tmp,
    ],
    { stdio: 'inherit' },
  );
  rmSync(out, { recursive: true, force: true });
  for (const file of files(tmp).filter((f) => f.endsWith('.d.ts'))) {
    const source = readFileSync(file, 'utf8');
    const target = join(out, relative(tmp, file));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, source.replace(SPECIFIER, '$1$2$3.js$2'));
    writeFileSync(target.replace(/\.d\.ts$/, '.d.cts'), source.replace(SPECIFIER, '$1$2$3.cjs$2'));
  }
  rmSync(tmp, { recursive: true, force: true });
}
