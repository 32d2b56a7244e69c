import RE2 from 're2';

/**
 * Adversarial-suffix heuristic (GCG-style optimized token runs). Looks only at the tail of a prompt: a natural
 * request followed by stray, unbalanced brackets, lone symbols, fused sub-words ("similarlyNow") and symbol-letter
 * mixtures. Code is excluded: it balances its brackets and carries syntax markers. Linear: one pass over the tail.
 */

export interface SuffixStats {
  tokens: number;
  lone: number;
  fused: number;
  mixed: number;
  unbalanced: number;
  score: number;
}

const WS = new RE2('\\s+');
const PLAIN_WORD = new RE2('^[a-z]+[.,!?;:\'"]*$', 'i');
const OPEN = '([{';
const CLOSE = ')]}';
const CODE_MARKERS = [
  '```',
  '=>',
  '();',
  'function ',
  'def ',
  'return ',
  '#include',
  'import ',
  'public ',
  'const ',
  'var ',
  'let ',
  '</',
  '/>',
  'select ',
  ' = ',
  '==',
  '!=',
  '&&',
  '||',
  'print(',
  'console.',
  '{"',
  '":',
  '": ',
];

function isLetter(c: string): boolean {
  return c.toLowerCase() !== c.toUpperCase();
}

function isSymbol(c: string): boolean {
  return '[](){}\\`*+=<>|^~_#@$%&!?;:,.\'"-/'.includes(c);
}

function looksLikeCode(text: string): boolean {
  const lowerAll = text.length > 4096 ? text.slice(-4096).toLowerCase() : text.toLowerCase();
  for (const m of CODE_MARKERS) if (lowerAll.includes(m)) return true;
  return false;
}

const SYMBOLS = new Uint8Array(128);
for (const ch of '[](){}\\`*+=<>|^~_#@$%&!?;:,.\'"-/') SYMBOLS[ch.charCodeAt(0)] = 1;

/**
 * Upper bound on the share of anomalous tokens, in one pass without allocation: every anomalous token holds a symbol
 * or a lower→upper switch, so when those are rarer than the firing ratio the full tokenization cannot fire.
 */
function mayFire(tail: string): boolean {
  let tokens = 0;
  let marks = 0;
  let inToken = false;
  let prevLower = false;
  for (let i = 0; i < tail.length; i++) {
    const c = tail.charCodeAt(i);
    const space = c === 32 || c === 9 || c === 10 || c === 12 || c === 13; // RE2 \s, as the tokenizer below
    if (!space && !inToken) tokens++;
    inToken = !space;
    if (c < 128 && SYMBOLS[c] === 1) marks++;
    else if (c >= 65 && c <= 90 && prevLower) marks++;
    else if (c >= 128) marks++; // non-ASCII: let the full pass decide
    prevLower = c >= 97 && c <= 122;
  }
  return tokens >= 8 && marks >= 0.3 * tokens;
}

/** Score the last `window` characters; ≥ 1 means "looks like an adversarial suffix". */
export function suffixStats(text: string, window = 240): SuffixStats {
  const head = text.length > window ? text.slice(0, text.length - window) : '';
  const tail = text.length > window ? text.slice(text.length - window) : text;
  const stats: SuffixStats = { tokens: 0, lone: 0, fused: 0, mixed: 0, unbalanced: 0, score: 0 };
  if (!mayFire(tail)) return stats;
  let depth = 0;
  let unmatched = 0;
  for (const token of tail.split(WS)) {
    if (token.length === 0) continue;
    stats.tokens++;
    let letters = 0;
    let symbols = 0;
    let fusedHere = false;
    for (let i = 0; i < token.length; i++) {
      const c = token[i];
      const o = OPEN.indexOf(c);
      const k = CLOSE.indexOf(c);
      if (o >= 0) depth++;
      else if (k >= 0) {
        if (depth > 0) depth--;
        else unmatched++;
      }
      if (isLetter(c)) {
        letters++;
        // lower→Upper inside a token ("similarlyNow"), not at the start and not ALLCAPS.
        if (
          i > 1 &&
          c !== c.toLowerCase() &&
          token[i - 1] === token[i - 1].toLowerCase() &&
          isLetter(token[i - 1]) &&
          isLetter(token[i - 2])
        )
          fusedHere = true;
      } else if (isSymbol(c)) symbols++;
    }
    if (letters === 0 && symbols > 0) stats.lone++;
    else if (fusedHere) stats.fused++;
    else if (letters > 0 && symbols >= 2 && !PLAIN_WORD.test(token)) stats.mixed++;
  }
  stats.unbalanced = depth + unmatched;
  if (stats.tokens < 8 || head.length + tail.length < 40) return stats;
  const weird = stats.lone + stats.fused + stats.mixed;
  const ratio = weird / stats.tokens;
  stats.score = (ratio >= 0.3 ? ratio * 2 : 0) + (stats.unbalanced >= 3 ? 0.4 : 0) + (stats.fused >= 2 ? 0.3 : 0);
  // Code is excluded, but only looked for when the tail scores: the marker search is the costly part.
  if (stats.score > 0 && looksLikeCode(text))
    return { tokens: 0, lone: 0, fused: 0, mixed: 0, unbalanced: 0, score: 0 };
  return stats;
}
