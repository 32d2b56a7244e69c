/**
 * Literal anchors derived from a pattern's RE2 source: a set of strings at least one of which occurs in every text the
 * pattern matches. The signal engine runs a pattern only when one of its anchors occurs, so most benign text skips
 * most patterns. Derived mechanically from the source (the idea behind trigram prefilters for regex search), so no
 * hand-written anchor list can drift from its pattern. Only the regex subset the patterns use is understood; anything
 * else makes the pattern "always run", never "never run".
 *
 * Anchor strings use ' ' for "one whitespace character" (the patterns' `\s`); everything else is literal.
 */

/**
 * What one regex node can match: every string it can match (exact, when small), and sets of strings of which every
 * match contains at least one member — all of them at once (a conjunction of alternatives).
 */
interface Info {
  exact: Set<string> | null;
  required: Set<string>[];
}

/** Largest set kept while multiplying out concatenations and unions. */
const MAX_SET = 48;

const ANY: Info = { exact: null, required: [] };
const EMPTY: Info = { exact: new Set(['']), required: [] };

function product(a: Set<string>, b: Set<string>): Set<string> | null {
  if (a.size * b.size > MAX_SET) return null;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return out;
}

/**
 * A word boundary (RE2 `\b`: ASCII letters, digits and '_' on one side only) as a symbol of its own. The prefilter
 * feeds the same symbol into its automaton between a word and a non-word character, so "\bdan\b" does not fire on
 * "danger".
 */
export const BOUNDARY = '\u0001';

/** RE2's \b word characters. */
export function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 95;
}

/**
 * The form the prefilter sees: a boundary symbol exactly where word-ness changes between two known characters, and
 * at either end only where the pattern asserts one. Undefined when the string asserts an impossible boundary.
 */
export function canonicalAnchor(s: string): string | undefined {
  let out = '';
  let prevWord: boolean | undefined;
  let boundary = false;
  for (const ch of s) {
    if (ch === BOUNDARY) {
      boundary = true;
      continue;
    }
    const w = isWordCode(ch.charCodeAt(0));
    if (prevWord === undefined) {
      if (boundary) out += BOUNDARY;
    } else if (w !== prevWord) out += BOUNDARY;
    else if (boundary) return undefined;
    out += ch;
    prevWord = w;
    boundary = false;
  }
  if (boundary && out.length > 0) out += BOUNDARY;
  return out;
}

// Characters rare enough in prose that one of them filters well on its own.
const RARE_SYMBOLS = '@#$%^&*_=+[]{}<>|~`\\';

// Words so common that an anchor made of them filters little: they count a quarter.
const COMMON_WORDS = new Set(
  'a an the to of in on at by for with and or is are was be been it its this that these you your i me my we our he she they do does not no all any will can must should now just only as if so what how from into up out than then there here'.split(
    ' ',
  ),
);

function commonWordDiscount(s: string): number {
  let discount = 0;
  let word = '';
  for (const ch of `${s} `) {
    if ((ch >= 'a' && ch <= 'z') || ch === "'") word += ch;
    else {
      if (COMMON_WORDS.has(word)) discount += 0.75 * word.length;
      word = '';
    }
  }
  return discount;
}

/** How selective a required set is: its weakest member's weight (CJK and other non-Latin characters count double). */
export function anchorStrength(set: ReadonlySet<string>): number {
  let min = Infinity;
  for (const s of set) {
    let w = -commonWordDiscount(s);
    for (const ch of s) {
      const cp = ch.codePointAt(0) as number;
      w += ch === ' ' ? 0.5 : cp >= 0x1f000 || RARE_SYMBOLS.includes(ch) ? 3 : cp > 0x2e80 ? 2 : 1;
    }
    min = Math.min(min, w);
  }
  return min === Infinity ? 0 : min;
}

/** Every required set of a node, including its exact set when that cannot match the empty string. */
function requiredSets(i: Info): Set<string>[] {
  return i.exact && i.exact.size > 0 && !i.exact.has('') ? [...i.required, i.exact] : i.required;
}

function strongest(sets: Set<string>[]): Set<string> | undefined {
  let best: Set<string> | undefined;
  for (const s of sets) {
    if (!best) best = s;
    else {
      const a = anchorStrength(s);
      const b = anchorStrength(best);
      if (a > b || (a === b && s.size < best.size)) best = s;
    }
  }
  return best;
}

function isAlnum(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

class Parser {
  private i = 0;
  private readonly cps: string[];

  constructor(source: string) {
    this.cps = Array.from(source);
  }

  parse(): Info {
    const info = this.alternation();
    if (this.i < this.cps.length) throw new Error(`anchors: unexpected '${this.cps[this.i]}' at ${this.i}`);
    return info;
  }

  private peek(): string | undefined {
    return this.cps[this.i];
  }

  private alternation(): Info {
    const branches: Info[] = [this.concatenation()];
    while (this.peek() === '|') {
      this.i++;
      branches.push(this.concatenation());
    }
    if (branches.length === 1) return branches[0];
    let exact: Set<string> | null = new Set();
    let union: Set<string> | null = new Set();
    for (const b of branches) {
      if (exact && b.exact && exact.size + b.exact.size <= MAX_SET * 4) for (const x of b.exact) exact.add(x);
      else exact = null;
      const r = strongest(requiredSets(b));
      if (union && r) for (const x of r) union.add(x);
      else union = null;
    }
    return { exact, required: union && union.size > 0 ? [union] : [] };
  }

  private concatenation(): Info {
    let run: Set<string> | null = new Set(['']); // product of the current run of exact nodes
    let allExact = true;
    const required: Set<string>[] = [];
    const closeRun = () => {
      if (run && run.size > 0 && !run.has('')) required.push(run);
    };
    let prevBoundary = false;
    while (this.i < this.cps.length && this.peek() !== '|' && this.peek() !== ')') {
      const wasBoundary = prevBoundary;
      const node = this.repeat();
      prevBoundary = node.exact?.size === 1 && node.exact.has(BOUNDARY);
      required.push(...requiredSets(node));
      const next: Set<string> | null = node.exact && run ? product(run, node.exact) : null;
      if (next) {
        run = next;
        continue;
      }
      closeRun();
      allExact = false;
      // An exact node that did not fit the product starts a new run (keeping a word boundary just before it, which
      // costs nothing to carry); anything else breaks the chain.
      run = node.exact ? (wasBoundary ? product(new Set([BOUNDARY]), node.exact) : new Set(node.exact)) : new Set(['']);
    }
    if (allExact) return { exact: run, required };
    closeRun();
    return { exact: null, required };
  }

  private repeat(): Info {
    const atom = this.atom();
    const c = this.peek();
    let min: number;
    let max: number;
    if (c === '*' || c === '+' || c === '?') {
      this.i++;
      min = c === '+' ? 1 : 0;
      max = c === '?' ? 1 : Infinity;
    } else if (c === '{') {
      const q = this.counted();
      if (!q) return atom; // a literal '{'
      [min, max] = q;
    } else return atom;
    if (this.peek() === '?') this.i++; // lazy: same language
    if (min === 0) {
      if (max === 1 && atom.exact) {
        const exact = new Set(atom.exact);
        exact.add('');
        return { exact, required: [] };
      }
      return max === 0 ? EMPTY : ANY;
    }
    if (min === 1 && max === 1) return atom;
    return { exact: null, required: requiredSets(atom) };
  }

  /** `{n}`, `{n,}` or `{n,m}` at the cursor (consumed), or undefined when the brace is a literal. */
  private counted(): [number, number] | undefined {
    let j = this.i + 1;
    const num = () => {
      let digits = '';
      while (j < this.cps.length && this.cps[j] >= '0' && this.cps[j] <= '9') digits += this.cps[j++];
      return digits;
    };
    const lo = num();
    if (lo === '') return undefined;
    let hi = lo;
    if (this.cps[j] === ',') {
      j++;
      hi = num();
    }
    if (this.cps[j] !== '}') return undefined;
    this.i = j + 1;
    return [Number(lo), hi === '' ? Infinity : Number(hi)];
  }

  private atom(): Info {
    const c = this.cps[this.i++];
    switch (c) {
      case '(': {
        if (this.peek() === '?') {
          if (this.cps[this.i + 1] !== ':') throw new Error(`anchors: unsupported group at ${this.i}`);
          this.i += 2;
        }
        const inner = this.alternation();
        if (this.cps[this.i++] !== ')') throw new Error('anchors: unbalanced parenthesis');
        return inner;
      }
      case '[':
        return this.charClass();
      case '.':
        return ANY;
      case '^':
      case '$':
        return EMPTY;
      case '\\':
        return this.escape(false) ?? ANY;
      default:
        return { exact: new Set([c]), required: [] };
    }
  }

  /** One escape after a backslash: a literal character, whitespace, a zero-width assertion, or undefined (a class). */
  private escape(inClass: boolean): Info | undefined {
    const c = this.cps[this.i++];
    switch (c) {
      case 'b':
        return inClass ? undefined : { exact: new Set([BOUNDARY]), required: [] };
      case 'B':
      case 'A':
      case 'z':
        return inClass ? undefined : EMPTY;
      case 's':
        return { exact: new Set([' ']), required: [] };
      case 'n':
        return { exact: new Set(['\n']), required: [] };
      case 't':
        return { exact: new Set(['\t']), required: [] };
      case 'd':
      case 'D':
      case 'w':
      case 'W':
      case 'S':
        return undefined;
      case 'p':
      case 'P': {
        if (this.peek() === '{') while (this.i < this.cps.length && this.cps[this.i++] !== '}');
        else this.i++;
        return undefined;
      }
      case 'x': {
        let hex = '';
        if (this.peek() === '{') {
          this.i++;
          while (this.i < this.cps.length && this.peek() !== '}') hex += this.cps[this.i++];
          this.i++;
        } else hex = this.cps[this.i++] + this.cps[this.i++];
        return { exact: new Set([String.fromCodePoint(parseInt(hex, 16))]), required: [] };
      }
      default:
        if (isAlnum(c)) throw new Error(`anchors: unsupported escape \\${c}`);
        return { exact: new Set([c]), required: [] };
    }
  }

  /** A bracket class: exact when it lists a handful of characters, otherwise "any". */
  private charClass(): Info {
    let negated = false;
    if (this.peek() === '^') {
      negated = true;
      this.i++;
    }
    const chars = new Set<string>();
    let open = false; // contains a range, a class escape or too many members
    let first = true;
    while (this.i < this.cps.length && (this.peek() !== ']' || first)) {
      first = false;
      let ch = this.cps[this.i++];
      if (ch === '\\') {
        const e = this.escape(true);
        if (!e || !e.exact) {
          open = true;
          continue;
        }
        ch = [...e.exact][0];
      }
      if (this.peek() === '-' && this.cps[this.i + 1] !== ']' && this.i + 1 < this.cps.length) {
        this.i++;
        let hi = this.cps[this.i++];
        if (hi === '\\') hi = [...(this.escape(true)?.exact ?? new Set(['\uffff']))][0];
        const lo = ch.codePointAt(0) as number;
        const top = hi.codePointAt(0) as number;
        if (top - lo > 8) open = true;
        else for (let cp = lo; cp <= top; cp++) chars.add(String.fromCodePoint(cp));
        continue;
      }
      chars.add(ch);
    }
    this.i++; // ']'
    if (negated || open || chars.size > 8) return ANY;
    return { exact: chars, required: [] };
  }
}

/**
 * The anchor sets of one RE2 source (as compiled: `\s` for the patterns' spaces): every text the pattern matches
 * contains a member of each set. Returns the `max` most selective sets, or [] when none is selective enough
 * (`minStrength` drops sets whose weakest member is too short to filter anything, like "a" or "to") and the pattern
 * must run on every text.
 */
export function deriveAnchors(source: string, minStrength = 3, max = 3): string[][] {
  const info = new Parser(source).parse();
  const seen = new Set<string>();
  const sets: Array<{ members: string[]; strength: number }> = [];
  for (const raw of requiredSets(info)) {
    const set = new Set<string>();
    for (const m of raw) {
      const c = canonicalAnchor(m);
      if (c !== undefined) set.add(c);
    }
    if (set.size === 0) continue; // every alternative asserts an impossible boundary: not a useful set
    const members = [...set].sort();
    const key = members.join('\u0000');
    const strength = anchorStrength(set);
    if (seen.has(key) || strength < minStrength) continue;
    seen.add(key);
    sets.push({ members, strength });
  }
  // A set is redundant when every member of another set contains one of its members: it can add no information.
  const implies = (b: string[], a: string[]) => b.every((x) => a.some((y) => x.includes(y)));
  const useful = sets.filter(
    (a, i) =>
      !sets.some((b, j) => j !== i && implies(b.members, a.members) && (!implies(a.members, b.members) || j < i)),
  );
  useful.sort((a, b) => b.strength - a.strength || a.members.length - b.members.length);
  return useful.slice(0, max).map((s) => s.members);
}
