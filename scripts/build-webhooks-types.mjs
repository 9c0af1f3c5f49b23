// Declarations for `./webhooks` (ESM .d.ts and CJS .d.cts).
import { emitDeclarations } from './lib/emit-declarations.mjs';

const out = 'dist/webhooks/types';
emitDeclarations({ entries: ['src/webhooks/index.ts'], types: 'node', out, tmpPrefix: 'webhooks-types-' });
console.log(`webhooks declarations -> ${out}`);
