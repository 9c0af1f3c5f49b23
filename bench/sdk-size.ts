import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './build';

export interface SdkSize {
  name: string;
  kb: number;
  budget: number;
  ok: boolean;
}

/** The size budgets exactly as `npm run check:size` measures them (scripts/check-size.mjs), parsed from its output. */
export function sdkSizes(): SdkSize[] {
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'check-size.mjs')], { cwd: ROOT, encoding: 'utf8' });
  const sizes = [...run.stdout.matchAll(/^(ok {2}|MISS|OVER) (.+): ([\d.]+) kB min\+gzip \(target ([\d.]+) kB/gm)].map((m) => ({
    name: m[2]!,
    kb: Number(m[3]),
    budget: Number(m[4]),
    ok: m[1] === 'ok  ',
  }));
  if (sizes.length === 0) throw new Error(`scripts/check-size.mjs printed no sizes:\n${run.stdout}${run.stderr}`);
  return sizes;
}
