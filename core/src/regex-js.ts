/**
 * RE2 syntax → a JavaScript RegExp, for the fallback engine (regex.ts) when `re2` is not installed. The patterns of
 * this package are written for RE2; the RE2 constructs they use that JavaScript lacks (before V8's regexp modifiers)
 * are inline case-insensitivity flags:
 *
 * - a leading `(?i)` (or `(?s)`, `(?m)`, combined) becomes the RegExp flag;
 * - `(?i:…)` and a `(?i)` later in a group make their scope case-insensitive by spelling each letter as `[aA]` and
 *   adding the other case of the letters and letter ranges of each character class.
 *
 * Escapes (`\p{Lu}`, `\b`, `\x60`, …) are copied as they are. Anything else is passed through: `new RegExp` reports
 * what JavaScript does not accept, and core/test/regex-fallback.test.ts checks every pattern the privacy primitives
 * compile, against RE2's results.
 */

/** Length of the escape sequence starting at `i` (a backslash). */
function escapeLength(src: string, i: number): number {
  const c = src[i + 1];
  if ((c === 'p' || c === 'P') && src[i + 2] === '{') return src.indexOf('}', i) - i + 1;
  if (c === 'x' && src[i + 2] === '{') return src.indexOf('}', i) - i + 1;
  if (c === 'x') return 4;
  if (c === 'u' && src[i + 2] === '{') return src.indexOf('}', i) - i + 1;
  if (c === 'u') return 6;
  return 2;
}

function otherCase(c: string): string | undefined {
  const lower = c.toLowerCase();
  const upper = c.toUpperCase();
  if (lower === upper) return undefined;
  const other = c === lower ? upper : lower;
  return other.length === 1 ? other : undefined;
}

const isAsciiLetter = (c: string) => /^[A-Za-z]$/.test(c);

/** A character class `[…]` starting at `i`, made case-insensitive: its letters and letter ranges in both cases. */
function caseInsensitiveClass(src: string, i: number): { text: string; end: number } {
  let j = i + 1;
  if (src[j] === '^') j++;
  if (src[j] === ']') j++; // a leading ] is a literal
  const extra: string[] = [];
  const start = j;
  while (j < src.length && src[j] !== ']') {
    if (src[j] === '\\') {
      j += escapeLength(src, j);
      continue;
    }
    const c = src[j];
    if (src[j + 1] === '-' && src[j + 2] !== undefined && src[j + 2] !== ']' && src[j + 2] !== '\\') {
      const d = src[j + 2];
      if (isAsciiLetter(c) && isAsciiLetter(d) && (c === c.toLowerCase()) === (d === d.toLowerCase())) {
        extra.push(`${otherCase(c)}-${otherCase(d)}`);
      }
      j += 3;
      continue;
    }
    const o = otherCase(c);
    if (o !== undefined) extra.push(o);
    j++;
  }
  return { text: `${src.slice(i, start)}${src.slice(start, j)}${extra.join('')}]`, end: j + 1 };
}

/** RE2 source and flags → JavaScript source and flags (see the file comment). */
export function toJavaScriptPattern(source: string, flags = ''): { source: string; flags: string } {
  let src = source;
  const all = new Set(flags);
  const lead = /^\(\?([ims]+)\)/.exec(src);
  if (lead) {
    for (const f of lead[1]) all.add(f);
    src = src.slice(lead[0].length);
  }
  if (!/\(\?[ims]*i[ims]*[:)]/.test(src) || all.has('i')) return { source: src, flags: [...all].join('') };

  // Case-insensitive scopes: one entry per open group, true where letters match either case.
  const scopes: boolean[] = [false];
  let out = '';
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    const ci = scopes[scopes.length - 1];
    if (c === '\\') {
      const n = escapeLength(src, i);
      out += src.slice(i, i + n);
      i += n;
    } else if (c === '[') {
      if (ci) {
        const cls = caseInsensitiveClass(src, i);
        out += cls.text;
        i = cls.end;
      } else {
        // copy the class as is, up to its closing bracket (escapes included)
        let j = i + 1;
        if (src[j] === '^') j++;
        if (src[j] === ']') j++;
        while (j < src.length && src[j] !== ']') j += src[j] === '\\' ? escapeLength(src, j) : 1;
        out += src.slice(i, j + 1);
        i = j + 1;
      }
    } else if (c === '(') {
      const modifier = /^\(\?([ims]+)(:|\))/.exec(src.slice(i));
      if (modifier && modifier[2] === ':') {
        scopes.push(ci || modifier[1].includes('i'));
        out += '(?:';
        i += modifier[0].length;
      } else if (modifier) {
        // `(?i)` inside a group: the rest of that group
        scopes[scopes.length - 1] = ci || modifier[1].includes('i');
        i += modifier[0].length;
      } else {
        scopes.push(ci);
        out += c;
        i++;
      }
    } else if (c === ')') {
      if (scopes.length > 1) scopes.pop();
      out += c;
      i++;
    } else {
      const o = ci ? otherCase(c) : undefined;
      out += o === undefined ? c : `[${c}${o}]`;
      i++;
    }
  }
  return { source: out, flags: [...all].join('') };
}
