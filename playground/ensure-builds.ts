import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scriptTagFile } from './vite.config';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function run(script: string, log: (line: string) => void): void {
  log(`building: npm run ${script} …`);
  const result = spawnSync('npm', ['run', script], { cwd: repo, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm run ${script} failed`);
}

/** The sandbox serves the built checkout app; the script-tag page loads the built SDK. */
export function ensureBuilds(log: (line: string) => void): void {
  if (!existsSync(resolve(repo, 'dist/checkout-app/index.html'))) run('build:app', log);
  if (!existsSync(scriptTagFile())) run('build:lib', log);
}
