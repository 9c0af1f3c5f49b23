// Subresource Integrity hashes of the release files, computed from the built dist/ (run after
// `npm run build:lib`): paste them into the README's script tag for each release.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

// The script tag's file, and the same bytes under its name before it was a UMD.
const files = process.argv.slice(2).length ? process.argv.slice(2) : ['dist/lava-checkout.umd.js', 'dist/lava-checkout.iife.js'];
for (const file of files) {
  const digest = createHash('sha384').update(readFileSync(file)).digest('base64');
  console.log(`${file}  sha384-${digest}`);
}
