/**
 * Builds strings that a pattern's RE2 source matches, one per variant: variant k takes branch k (mod the number of
 * branches) at every alternation, so a handful of variants walks every branch of every alternation at least once.
 * Only the regex subset the injection patterns use is understood. Test helper for the prefilter's soundness test.
 */
export function sampleFor(source: string, variant: number): string {
  const cps = Array.from(source);
  let i = 0;
  const peek = () => cps[i];

  function alternation(): string {
    const branches: Array<() => string> = [];
    const starts: number[] = [i];
    // Parse every branch once to find the boundaries, then re-parse the chosen one.
    concatenation();
    while (peek() === '|') {
      i++;
      starts.push(i);
      concatenation();
    }
    const end = i;
    const pick = variant % starts.length;
    i = starts[pick];
    const out = concatenation();
    i = end;
    void branches;
    return out;
  }

  function concatenation(): string {
    let out = '';
    while (i < cps.length && peek() !== '|' && peek() !== ')') out += repeat();
    return out;
  }

  function repeat(): string {
    const start = i;
    const once = atom();
    const c = peek();
    let min = 1;
    if (c === '*' || c === '?') {
      i++;
      min = 0;
    } else if (c === '+') i++;
    else if (c === '{') {
      let j = i + 1;
      let digits = '';
      while (cps[j] >= '0' && cps[j] <= '9') digits += cps[j++];
      if (digits !== '' && (cps[j] === '}' || cps[j] === ',')) {
        while (cps[j] !== '}') j++;
        i = j + 1;
        min = Number(digits);
      }
    } else return once;
    if (peek() === '?') i++;
    // Optional parts are kept on odd variants so both shapes get exercised.
    const reps = min === 0 ? variant % 2 : min;
    if (reps === 0) return '';
    const end = i;
    let out = once;
    for (let r = 1; r < reps; r++) {
      i = start;
      out += atom();
    }
    i = end;
    return out;
  }

  function atom(): string {
    const c = cps[i++];
    if (c === '(') {
      if (peek() === '?') i += 2;
      const inner = alternation();
      i++; // ')'
      return inner;
    }
    if (c === '[') return charClass();
    if (c === '.') return 'x';
    if (c === '^' || c === '$') return '';
    if (c === '\\') return escape();
    return c;
  }

  function escape(): string {
    const c = cps[i++];
    switch (c) {
      case 'b':
      case 'B':
        return '';
      case 's':
        return ' ';
      case 'S':
      case 'w':
        return 'x';
      case 'd':
        return '0';
      case 'n':
        return '\n';
      case 'p':
        while (cps[i++] !== '}');
        return 'a';
      case 'x': {
        let hex = '';
        if (peek() === '{') {
          i++;
          while (peek() !== '}') hex += cps[i++];
          i++;
        } else hex = cps[i++] + cps[i++];
        return String.fromCodePoint(parseInt(hex, 16));
      }
      default:
        return c;
    }
  }

  function charClass(): string {
    const negated = peek() === '^';
    if (negated) i++;
    const members: string[] = [];
    let first = true;
    while (peek() !== ']' || first) {
      first = false;
      let ch = cps[i++];
      if (ch === '\\') {
        const e = cps[i++];
        ch =
          e === 's'
            ? ' '
            : e === 'n'
              ? '\n'
              : e === 'p'
                ? (() => {
                    while (cps[i++] !== '}');
                    return 'a';
                  })()
                : e === 'x'
                  ? (() => {
                      let h = '';
                      if (peek() === '{') {
                        i++;
                        while (peek() !== '}') h += cps[i++];
                        i++;
                      } else h = cps[i++] + cps[i++];
                      return String.fromCodePoint(parseInt(h, 16));
                    })()
                  : e;
      }
      if (peek() === '-' && cps[i + 1] !== ']') {
        i++;
        let hi = cps[i++];
        if (hi === '\\') hi = cps[i++];
        members.push(ch, hi);
        continue;
      }
      members.push(ch);
    }
    i++; // ']'
    if (!negated) return members[variant % members.length];
    for (const candidate of ['x', 'q', ' ', '0', 'z']) if (!members.includes(candidate)) return candidate;
    return '~';
  }

  return alternation();
}
