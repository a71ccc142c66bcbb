import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/*
 * The other half of the layer rule (ARCHITECTURE.md): no module of src/ reaches itself again
 * through its imports. Lint only sees one import at a time; a circle of modules that each import
 * "sideways" slips past it. Type-only imports count as well: a type import across layers is the
 * same dependency, it merely disappears from the emitted JavaScript.
 */
const root = new URL('../..', import.meta.url).pathname;
const src = join(root, 'src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Every module a file names: imports and re-exports (type-only or not), `import('…')` types and dynamic imports. */
function specifiers(file: string): string[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const visit = (n: ts.Node): void => {
    if ((ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier)) found.push(n.moduleSpecifier.text);
    else if (ts.isImportTypeNode(n) && ts.isLiteralTypeNode(n.argument) && ts.isStringLiteral(n.argument.literal)) found.push(n.argument.literal.text);
    else if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword && n.arguments[0] && ts.isStringLiteral(n.arguments[0])) found.push(n.arguments[0].text);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

/** The import graph of src/: file → the src/ files it imports. */
function importGraph(): Map<string, string[]> {
  const options: ts.CompilerOptions = { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext };
  const host = ts.createCompilerHost(options);
  const graph = new Map<string, string[]>();
  for (const file of sources(src)) {
    const to = new Set<string>();
    for (const s of specifiers(file)) {
      const r = ts.resolveModuleName(s, file, options, host).resolvedModule;
      if (r && !r.isExternalLibraryImport && r.resolvedFileName.startsWith(`${src}/`)) to.add(r.resolvedFileName);
    }
    graph.set(file, [...to].sort());
  }
  return graph;
}

/** The strongly connected components with a cycle in them (Tarjan). */
function circles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || graph.get(v)!.includes(v)) found.push(component.sort());
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return found;
}

/** The shortest way round a circle, so a failure names the imports to look at. */
function shortestLoop(graph: Map<string, string[]>, component: string[]): string[] {
  const inside = new Set(component);
  let best: string[] = [];
  for (const start of component) {
    const previous = new Map<string, string>();
    const queue = [start];
    let closing: string | undefined;
    while (queue.length && closing === undefined) {
      const v = queue.shift()!;
      for (const w of graph.get(v)!) {
        if (w === start) {
          closing = v;
          break;
        }
        if (inside.has(w) && !previous.has(w)) {
          previous.set(w, v);
          queue.push(w);
        }
      }
    }
    if (closing === undefined) continue;
    const loop = [start];
    for (let v = closing; v !== start; v = previous.get(v)!) loop.splice(1, 0, v);
    if (best.length === 0 || loop.length < best.length) best = loop;
  }
  return [...best, best[0]!];
}

describe('the import graph of src/ has no circles', () => {
  const graph = importGraph();

  it('reads the whole of src/ (entry, transports, tools, state, client)', () => {
    const files = [...graph.keys()].map((f) => relative(root, f));
    expect(files).toEqual(expect.arrayContaining(['src/cli.ts', 'src/server.ts', 'src/context.ts', 'src/tools/index.ts', 'src/state/contract.ts', 'src/heygen/client.ts']));
    // Type-only imports are edges too: context.ts names its state's contract only as a type.
    expect(graph.get(join(src, 'context.ts'))).toContain(join(src, 'state/contract.ts'));
  });

  it('no module imports itself again through other modules, type-only imports included', () => {
    // Each circle found is named by its shortest loop; that loop's last import is then set aside
    // and the search runs again, so circles that share files are each named too.
    const rest = new Map([...graph].map(([f, to]) => [f, [...to]]));
    const found: string[] = [];
    for (let c = circles(rest); c.length > 0; c = circles(rest)) {
      for (const component of c) {
        const loop = shortestLoop(rest, component);
        found.push(loop.map((f) => relative(root, f)).join(' → '));
        const from = rest.get(loop.at(-2)!)!;
        from.splice(from.indexOf(loop.at(-1)!), 1);
      }
    }
    expect(found).toEqual([]);
  });
});
