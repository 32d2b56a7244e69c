import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/**
 * Where each TH_ code occurs in processor/src, by an AST scan: string literals, template text and `as const` codes,
 * never comments. The catalogue itself (errors.ts) is not a use.
 */
export function codeSites(srcDir: string): Map<string, Set<string>> {
  const sites = new Map<string, Set<string>>();
  const add = (code: string, file: string) => {
    const set = sites.get(code) ?? new Set<string>();
    set.add(file);
    sites.set(code, set);
  };
  for (const file of tsFiles(srcDir)) {
    const rel = relative(srcDir, file).split('\\').join('/');
    if (rel === 'errors.ts') continue;
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (
        ts.isStringLiteral(node) ||
        ts.isNoSubstitutionTemplateLiteral(node) ||
        ts.isTemplateHead(node) ||
        ts.isTemplateMiddle(node) ||
        ts.isTemplateTail(node)
      ) {
        for (const m of node.text.matchAll(/\bTH_[A-Z][A-Z_]*[A-Z]\b/g)) add(m[0], rel);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return sites;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return tsFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}
