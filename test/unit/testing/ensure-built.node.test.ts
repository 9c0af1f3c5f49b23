import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type BuildTarget, ensureBuilt, staleReason } from '../../e2e/support/ensure-built';

// A tree of sources and outputs in a temp folder, each file with the modification time it is given.
const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

const T = new Date('2026-11-30T12:00:00Z').getTime() / 1000;

function tree(files: Record<string, number>): string {
  const root = mkdtempSync(join(tmpdir(), 'ensure-built-'));
  roots.push(root);
  for (const [file, seconds] of Object.entries(files)) {
    const path = join(root, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file);
    utimesSync(path, T + seconds, T + seconds);
  }
  return root;
}

const target: BuildTarget = {
  command: ['npm', 'run', 'build:lib'],
  outputs: ['dist/lib/vanilla.js', 'dist/testing.iife.cjs'],
  sources: ['src/host', 'src/vanilla.ts', 'vite.lib.config.ts'],
};

describe('staleReason: may a test use the dist/ it finds?', () => {
  it('given every output newer than every source, then the build is fresh', () => {
    const root = tree({ 'src/host/open.ts': 0, 'src/host/deep/frame.ts': 5, 'src/vanilla.ts': 0, 'vite.lib.config.ts': 0, 'dist/lib/vanilla.js': 10, 'dist/testing.iife.cjs': 11 });
    expect(staleReason(target, root)).toBeNull();
  });

  it('given an output missing, then it names it', () => {
    const root = tree({ 'src/host/open.ts': 0, 'dist/lib/vanilla.js': 10 });
    expect(staleReason(target, root)).toBe('dist/testing.iife.cjs is missing');
  });

  it('given a source file deep in a folder changed after the oldest output, then it is stale', () => {
    const root = tree({ 'src/host/open.ts': 0, 'src/host/deep/frame.ts': 20, 'src/vanilla.ts': 0, 'dist/lib/vanilla.js': 10, 'dist/testing.iife.cjs': 30 });
    expect(staleReason(target, root)).toBe('src/host changed after dist/lib/vanilla.js was built');
  });

  it('given a source newer than one output but older than another, then the older output makes it stale', () => {
    const root = tree({ 'src/vanilla.ts': 15, 'dist/lib/vanilla.js': 20, 'dist/testing.iife.cjs': 10 });
    expect(staleReason(target, root)).toBe('src/vanilla.ts changed after dist/testing.iife.cjs was built');
  });

  it('given a build config changed after the build, then it is stale', () => {
    const root = tree({ 'src/host/open.ts': 0, 'vite.lib.config.ts': 40, 'dist/lib/vanilla.js': 10, 'dist/testing.iife.cjs': 10 });
    expect(staleReason(target, root)).toBe('vite.lib.config.ts changed after dist/lib/vanilla.js was built');
  });

  it('given a source of the same age as the output, then it is fresh (the build wrote it after reading)', () => {
    const root = tree({ 'src/host/open.ts': 10, 'dist/lib/vanilla.js': 10, 'dist/testing.iife.cjs': 10 });
    expect(staleReason(target, root)).toBeNull();
  });

  it('given files outside the sources changed (another part of the tree), then it is fresh', () => {
    const root = tree({ 'src/host/open.ts': 0, 'src/checkout/App.tsx': 99, 'dist/lib/vanilla.js': 10, 'dist/testing.iife.cjs': 10 });
    expect(staleReason(target, root)).toBeNull();
  });
});

describe('ensureBuilt', () => {
  it('given a fresh build, then it runs nothing', () => {
    const root = tree({ 'src/host/open.ts': 0, 'dist/lib/vanilla.js': 10, 'dist/testing.iife.cjs': 10 });
    // No package.json in the temp tree: running npm there would throw.
    expect(ensureBuilt(target, { root })).toBe('fresh');
  });

  it('given a stale build, then it runs the build script', () => {
    const root = tree({ 'src/host/open.ts': 20, 'dist/lib/vanilla.js': 10, 'dist/testing.iife.cjs': 10 });
    writeFileSync(join(root, 'package.json'), JSON.stringify({ scripts: { 'build:lib': 'node -e "require(\'fs\').utimesSync(\'dist/lib/vanilla.js\', new Date(), new Date()); require(\'fs\').utimesSync(\'dist/testing.iife.cjs\', new Date(), new Date())"' } }));
    expect(ensureBuilt(target, { root })).toBe('built');
    expect(staleReason(target, root)).toBeNull();
  });
});
