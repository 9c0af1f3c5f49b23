import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { parse } from '@babel/parser';
import babelTraverse from '@babel/traverse';
import { type ESTree, parseAst, type Plugin, type Rolldown } from 'vite';

/**
 * Puts the app's first script into its page, so the first paint costs one request, not two: on a
 * slow link the script's own request is a round trip after the page (150 ms on a 4G-like link).
 *
 * The lazy chunks import what they share with the first script from its file; an inline module has
 * no URL, and loading the file as well would run the app twice (two Preacts, two flows). So the
 * page's script hands its exports to the chunks through one frozen, read-only object on `window`
 * (the frame is the app's own document), each chunk's `import {…} from './index-….js'` becomes a
 * `const {…}` read of that object, and the file is not written. The build fails, naming the reason, wherever that
 * would not be the same program: a binding reassigned after the script ran (an import is live; the
 * object is not), a namespace or default import, a re-export, a static import in the first script,
 * or a dynamic import whose path is not a literal.
 */
export const SHARED_EXPORTS = '__lavaAppExports';

/**
 * The first line of the page's script: Chromium (136 and later) then compiles every function in it
 * as the script loads, not each one when first called. A preloaded frame has loaded the script
 * long before the token comes, so the functions the token's task runs for the first time (the
 * message, start, the flow, the focus's handlers) are compiled already. Interleaved with the build
 * before it (the benchmark's open on loopback, Chromium), a preloaded open went from 15.3 to 6.5 ms
 * median and a cold one did not get slower (240 against 231 ms): most of the script runs for the
 * first paint anyway. Other engines read the line as a comment.
 */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

// @babel/traverse is CommonJS: its function is the default export's `default` when loaded as ESM.
const traverse = ((babelTraverse as unknown as { default?: typeof babelTraverse }).default ?? babelTraverse) as typeof babelTraverse;

type Node = ESTree.Node;
type Program = ESTree.Program;

function fail(message: string): never {
  throw new Error(`inline-first-script: ${message}`);
}

/** Every node under `root`, depth first. */
function* walk(root: unknown): Generator<Node> {
  if (!root || typeof root !== 'object') return;
  if (Array.isArray(root)) {
    for (const item of root) yield* walk(item);
    return;
  }
  const node = root as Node & Record<string, unknown>;
  if (typeof node.type === 'string') yield node;
  for (const [key, value] of Object.entries(node)) if (key !== 'type' && value && typeof value === 'object') yield* walk(value);
}

/** The text a string or expression-free template literal holds, or null. */
function literalPath(node: Node): string | null {
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? null;
  return null;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

function applyEdits(code: string, edits: Edit[]): string {
  let out = code;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

/** A chunk-relative path as the path it has on the site (`./de.js` from assets/index.js -> /base/assets/de.js). */
function sitePath(base: string, fromFile: string, relative: string): string {
  return new URL(relative, `http://site${base}${fromFile}`).pathname;
}

/** The first of `locals` that the module's code assigns to again after its declaration (scopes resolved: a shadowing inner name is another binding). */
function reassignedAtTop(code: string, locals: string[]): string | undefined {
  let found: string | undefined;
  traverse(parse(code, { sourceType: 'module' }), {
    Program(path) {
      found = locals.find((name) => (path.scope.getBinding(name)?.constantViolations.length ?? 0) > 0);
      path.stop();
    },
  });
  return found;
}

/** Names the first script exports, each with the local binding it exports; checks each is never reassigned. */
function exportsOf(program: Program, code: string, fileName: string): { statement: ESTree.ExportNamedDeclaration | undefined; names: [exported: string, local: string][] } {
  const statements = program.body.filter((node) => node.type.startsWith('Export') || node.type === 'ImportDeclaration');
  const exported = statements.filter((node): node is ESTree.ExportNamedDeclaration => node.type === 'ExportNamedDeclaration');
  if (statements.length !== exported.length || exported.length > 1) fail(`${fileName} has imports or exports other than one \`export {…}\``);
  const statement = exported[0];
  if (!statement) return { statement, names: [] };
  if (statement.source || statement.declaration) fail(`${fileName} exports other than by \`export {…}\``);
  const names = statement.specifiers.map((spec): [string, string] => {
    const exportedName = spec.exported.type === 'Identifier' ? spec.exported.name : String(spec.exported.value);
    if (spec.local.type !== 'Identifier') fail(`${fileName} exports a string-named local`);
    return [exportedName, spec.local.name];
  });
  const reassigned = reassignedAtTop(code, names.map(([, local]) => local));
  if (reassigned) fail(`${fileName} reassigns \`${reassigned}\`, which it exports: the chunks would keep its first value`);
  return { statement, names };
}

/** The first script as the page's inline module: exports handed over through the shared object, lazy paths made absolute. */
function inlineEntry(entry: Rolldown.OutputChunk, base: string): string {
  const program = parseAst(entry.code);
  const { statement, names } = exportsOf(program, entry.code, entry.fileName);
  const edits: Edit[] = [];
  for (const node of walk(program)) {
    if (node.type !== 'ImportExpression') continue;
    const path = literalPath(node.source);
    if (path === null) fail(`${entry.fileName} imports a path that is not a literal`);
    if (path.startsWith('./') || path.startsWith('../')) {
      edits.push({ start: node.source.start, end: node.source.end, text: JSON.stringify(sitePath(base, entry.fileName, path)) });
    }
  }
  // Frozen, and neither writable nor configurable on window: nothing else in the frame can swap it.
  const shared = `Object.freeze({${names.map(([exported, local]) => `${JSON.stringify(exported)}:${local}`).join(',')}})`;
  const handOver = `Object.defineProperty(window,${JSON.stringify(SHARED_EXPORTS)},{value:${shared}});`;
  edits.push(statement ? { start: statement.start, end: statement.end, text: handOver } : { start: entry.code.length, end: entry.code.length, text: handOver });
  const code = applyEdits(entry.code, edits);
  if (/<\/script|<!--/i.test(code)) fail(`${entry.fileName} holds "</script" or "<!--", which would end or bend the page's <script>`);
  return code;
}

/** A lazy chunk reading what it imported from the first script out of the shared object instead. */
function readFromShared(chunk: Rolldown.OutputChunk, entryPath: string, base: string): string {
  const program = parseAst(chunk.code);
  const edits: Edit[] = [];
  for (const node of walk(program)) {
    const source = node.type === 'ImportDeclaration' || node.type === 'ExportNamedDeclaration' || node.type === 'ExportAllDeclaration' || node.type === 'ImportExpression' ? node.source : null;
    const path = source ? literalPath(source) : null;
    if (path === null || sitePath(base, chunk.fileName, path) !== entryPath) continue;
    if (node.type !== 'ImportDeclaration') fail(`${chunk.fileName} re-exports or dynamically imports the first script`);
    const pairs = node.specifiers.map((spec) => {
      if (spec.type !== 'ImportSpecifier') fail(`${chunk.fileName} takes a namespace or default import of the first script`);
      const imported = spec.imported.type === 'Identifier' ? spec.imported.name : String(spec.imported.value);
      return `${JSON.stringify(imported)}:${spec.local.name}`;
    });
    edits.push({ start: node.start, end: node.end, text: pairs.length ? `const{${pairs.join(',')}}=window.${SHARED_EXPORTS};` : '' });
  }
  return applyEdits(chunk.code, edits);
}

const COMPRESSED = [
  { suffix: '.br', encode: (data: Buffer) => brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }) },
  { suffix: '.gz', encode: (data: Buffer) => gzipSync(data, { level: 9 }) },
];

/** A file written again, with its .br and .gz beside it again (none where it would be no smaller, as the build's compression does). */
function rewrite(file: string, text: string): void {
  const data = Buffer.from(text);
  writeFileSync(file, data);
  for (const { suffix, encode } of COMPRESSED) {
    const encoded = encode(data);
    if (encoded.length < data.length) writeFileSync(file + suffix, encoded);
    else rmSync(file + suffix, { force: true });
  }
}

/**
 * Runs once the build has written its files (the first script's lazy-import table is filled in
 * only at the end of the bundle's generation, after the page's own hooks), and writes again the
 * page, the chunks it changed, and their compressed copies.
 */
export function inlineFirstScript(): Plugin {
  let base = '/';
  return {
    name: 'lava:inline-first-script',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      base = config.base;
    },
    writeBundle(options, bundle) {
      const dir = options.dir ?? fail('the build has no output directory');
      const page = bundle['index.html'];
      if (page?.type !== 'asset') fail('index.html is not in the bundle');
      const html = String(page.source);
      const tags = [...html.matchAll(/<script type="module" crossorigin src="([^"]+)"><\/script>/g)];
      const tag = tags[0];
      if (tags.length !== 1 || !tag) fail(`expected one module script in the page, found ${tags.length}`);
      const entryPath = tag[1]!;
      const fileName = entryPath.slice(base.length);
      const entry = bundle[fileName];
      if (entry?.type !== 'chunk' || !entry.isEntry) fail(`${entryPath} is not the bundle's entry chunk`);
      const inline = inlineEntry(entry, base);
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || chunk === entry) continue;
        const code = readFromShared(chunk, entryPath, base);
        if (code.includes(fileName.slice(fileName.lastIndexOf('/') + 1))) fail(`${chunk.fileName} still names ${fileName}`);
        if (code !== chunk.code) rewrite(join(dir, chunk.fileName), code);
      }
      for (const suffix of ['', ...COMPRESSED.map((c) => c.suffix)]) rmSync(join(dir, fileName + suffix), { force: true });
      rewrite(join(dir, 'index.html'), html.replace(tag[0], () => `<script type="module">${COMPILE_HINT}${inline}</script>`));
    },
  };
}
