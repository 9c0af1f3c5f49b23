// Declarations for `.`, `./vanilla`, `./script` and `./testing` (ESM .d.ts and CJS .d.cts).
import { emitDeclarations } from './lib/emit-declarations.mjs';

const out = 'dist/lib/types';
emitDeclarations({
  entries: ['src/index.ts', 'src/vanilla.ts', 'src/umd.ts', 'src/testing/index.ts'],
  types: 'react',
  out,
  tmpPrefix: 'lib-types-',
});
console.log(`host SDK declarations -> ${out}`);
