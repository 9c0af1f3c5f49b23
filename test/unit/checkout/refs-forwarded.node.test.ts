import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The checkout ships on Preact, which does not pass `ref` to a function component as a prop
// (React 19 does): a component that takes a ref must be declared with forwardRef, or the ref
// holds the component instead of its element. This finds every `<Component ref={…}>` in the
// checkout app whose component is not.

const ROOT = join(import.meta.dirname, '../../..');

/** `file:line <Tag ref>` for each ref passed to a component not declared with forwardRef(…). */
function refsToPlainComponents(files: string[], root: string): string[] {
  const options: ts.CompilerOptions = {
    jsx: ts.JsxEmit.ReactJSX,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    noEmit: true,
    noLib: true,
    types: [],
  };
  // Only the project's own modules are followed: a component from a package is reported as
  // unseen rather than loading the package's types (seconds for React's and Stripe's).
  const host = ts.createCompilerHost(options);
  host.resolveModuleNameLiterals = (literals, containingFile) =>
    literals.map((literal) => {
      if (!literal.text.startsWith('.')) return { resolvedModule: undefined };
      return ts.resolveModuleName(literal.text, containingFile, options, host);
    });
  const program = ts.createProgram(files, options, host);
  const checker = program.getTypeChecker();
  const where = (node: ts.Node) => {
    const source = node.getSourceFile();
    return `${relative(root, source.fileName)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  };
  const found: string[] = [];
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) throw new Error(`not in the program: ${file}`);
    const visit = (node: ts.Node): void => {
      if ((ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) && isComponentTag(node.tagName) && hasRef(node)) {
        const tag = node.tagName.getText();
        const declaration = declarationOf(checker, node.tagName);
        if (!declaration) found.push(`${where(node)} <${tag} ref>: its declaration is not in the checked files`);
        else if (!isForwardRef(declaration)) found.push(`${where(node)} <${tag} ref>: ${tag} (${where(declaration)}) is not declared with forwardRef(…)`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

function isComponentTag(tag: ts.JsxTagNameExpression): boolean {
  if (ts.isIdentifier(tag)) return /^[A-Z]/.test(tag.text);
  return ts.isPropertyAccessExpression(tag);
}

function hasRef(node: ts.JsxOpeningElement | ts.JsxSelfClosingElement): boolean {
  return node.attributes.properties.some((a) => ts.isJsxAttribute(a) && a.name.getText() === 'ref');
}

function declarationOf(checker: ts.TypeChecker, tag: ts.JsxTagNameExpression): ts.Declaration | undefined {
  let symbol = checker.getSymbolAtLocation(ts.isPropertyAccessExpression(tag) ? tag.name : tag);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  return symbol?.declarations?.[0];
}

/** `const X = forwardRef(…)`, also through `memo(forwardRef(…))`, `React.forwardRef`, `as`, `satisfies`. */
function isForwardRef(declaration: ts.Declaration): boolean {
  if (!ts.isVariableDeclaration(declaration) || !declaration.initializer) return false;
  let value: ts.Expression = declaration.initializer;
  for (;;) {
    if (ts.isParenthesizedExpression(value) || ts.isAsExpression(value) || ts.isSatisfiesExpression(value)) {
      value = value.expression;
      continue;
    }
    if (!ts.isCallExpression(value)) return false;
    const callee = ts.isPropertyAccessExpression(value.expression) ? value.expression.name.text : value.expression.getText();
    if (callee === 'forwardRef') return true;
    if (callee !== 'memo' || !value.arguments[0]) return false;
    value = value.arguments[0];
  }
}

function tsxFilesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.tsx'))
    .map((f) => join(dir, f))
    .sort();
}

describe('refs in the checkout app', () => {
  it('given src/checkout, then every component that is passed a ref is declared with forwardRef', () => {
    const files = tsxFilesUnder(join(ROOT, 'src/checkout'));
    expect(files.length).toBeGreaterThan(10);
    expect(refsToPlainComponents(files, ROOT)).toEqual([]);
  });

  it('given a ref passed to a plain function component, then the check names the file and line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'refs-forwarded-'));
    try {
      writeFileSync(
        join(dir, 'Inputs.tsx'),
        [
          "import { forwardRef, memo } from 'react';",
          'export function Plain(props: { ref?: unknown }) { return <input />; }',
          'export const Forwarded = forwardRef<HTMLInputElement>(function Forwarded(_props, ref) { return <input ref={ref} />; });',
          'export const Memoised = memo(forwardRef<HTMLInputElement>((_props, ref) => <input ref={ref} />));',
        ].join('\n'),
      );
      writeFileSync(
        join(dir, 'Form.tsx'),
        [
          "import { Forwarded, Memoised, Plain } from './Inputs';",
          'const ref = { current: null };',
          'export function Form() {',
          '  return (<form><input ref={ref} /><Forwarded ref={ref} /><Memoised ref={ref} />',
          '    <Plain ref={ref} /></form>);',
          '}',
        ].join('\n'),
      );
      expect(refsToPlainComponents([join(dir, 'Form.tsx'), join(dir, 'Inputs.tsx')], dir)).toEqual([
        'Form.tsx:5 <Plain ref>: Plain (Inputs.tsx:2) is not declared with forwardRef(…)',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
