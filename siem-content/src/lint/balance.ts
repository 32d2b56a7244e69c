/**
 * Quote and bracket balance shared by the SPL, KQL and ES|QL linters: strings are "double-quoted" with backslash
 * escapes, SPL macros are `backticked`; brackets are (), [] and {} outside strings.
 */
export interface Scan {
  problems: string[];
  /** The query with string literals blanked out (so field checks do not read values). */
  code: string;
  /** Macro names used (`name` or `name(args)`). */
  macros: string[];
}

const PAIRS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

export function scanQuery(q: string, opts: { backtickMacros: boolean }): Scan {
  const problems: string[] = [];
  const stack: string[] = [];
  const macros: string[] = [];
  let code = '';
  let i = 0;
  while (i < q.length) {
    const c = q[i];
    if (c === '"') {
      let j = i + 1;
      while (j < q.length && q[j] !== '"') j += q[j] === '\\' ? 2 : 1;
      if (j >= q.length) problems.push(`unterminated string at ${i}`);
      code += ' '.repeat(Math.min(j, q.length - 1) - i + 1);
      i = j + 1;
      continue;
    }
    if (c === '`' && opts.backtickMacros) {
      const j = q.indexOf('`', i + 1);
      if (j < 0) {
        problems.push(`unterminated macro at ${i}`);
        break;
      }
      macros.push(
        q
          .slice(i + 1, j)
          .split('(')[0]
          .trim(),
      );
      code += ' '.repeat(j - i + 1);
      i = j + 1;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') stack.push(c);
    if (c === ')' || c === ']' || c === '}') {
      if (stack.pop() !== PAIRS[c]) problems.push(`unbalanced ${c} at ${i}`);
    }
    code += c;
    i++;
  }
  if (stack.length > 0) problems.push(`unclosed ${stack.join('')}`);
  return { problems, code, macros };
}
