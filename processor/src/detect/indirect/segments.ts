/**
 * The parts of a document an injected instruction hides in, cut into segments: what its human reader does not see
 * (HTML comments, hidden elements, role-labelled lines such as "SYSTEM: …" or "Human: …" also inside a code comment,
 * chat-turn blocks such as "<system> … </system>" or "<|im_start|>", bracketed note blocks), each stripped of its
 * markers, and visible lines written in another script than the document. The cue lists of features.ts read
 * sentences in the languages they know; these segments are what the trained classifier judges as if a user had typed
 * them, so an instruction in a language or wording the cue lists lack is still read. Other code comments,
 * docstrings, strings and P.S. lines are left out: developers write commands there for each other and people write
 * P.S. lines to each other, and as prompts those read like requests. Bounded: the head and tail of a document, a
 * fixed number of segments.
 */
import { Markers, carrierAt, docKind, isSpace, type Carrier } from './carrier.js';
import { SCRIPT_HEAD, scriptIndex } from './candidates.js';

/** Where a segment sits: a hidden carrier, or a visible line in another script than the document. */
export type SegmentCarrier = Carrier | 'script_shift' | 'chat_turn';

export interface Segment {
  carrier: SegmentCarrier;
  /** Offsets into the (normalized) document text. */
  start: number;
  end: number;
  /** The segment without its carrier markers. */
  text: string;
}

/** Carriers whose text is judged as a hidden prompt. */
const JUDGED: ReadonlySet<SegmentCarrier> = new Set([
  'html_comment',
  'hidden',
  'role_line',
  'chat_turn',
  'bracket',
  'script_shift',
]);
/** Chat-template and pseudo-markup blocks that open a turn of a conversation ("<system> … </system>"). */
const TURN_BLOCKS: ReadonlyArray<readonly [string, string]> = [
  ['<|im_start|>', '<|im_end|>'],
  ['<system>', '</system>'],
  ['<|system|>', '<|end|>'],
  ['<<sys>>', '<</sys>>'],
  ['[inst]', '[/inst]'],
];
/** Letters a line needs before its script counts. */
const MIN_LETTERS = 20;
/** Words (or runs of an unspaced script) of a second script in the head before lines are checked for a shift. */
const MIN_OTHER_WORDS = 2;
/** Characters of the document that vote on its main script. */
const VOTE = 8192;
export const MAX_SEGMENTS = 16;
const MAX_SEGMENT_CHARS = 1024;
const HEAD = 32 * 1024;
const TAIL = 8 * 1024;

/** Characters that open or close a carrier, skipped at a segment's edges. */
function isMarker(c: number): boolean {
  // < ! - > / * # [ ] | : ： and spaces
  return (
    c === 60 ||
    c === 33 ||
    c === 45 ||
    c === 62 ||
    c === 47 ||
    c === 42 ||
    c === 35 ||
    c === 91 ||
    c === 93 ||
    c === 124 ||
    c === 58 ||
    c === 0xff1a ||
    isSpace(c)
  );
}

/** The segment's text: markers trimmed at both ends, then a leading label ("system:", "p.s.", "[note]") removed. */
function strip(s: string, a: number, b: number): [number, number] {
  while (a < b && isMarker(s.charCodeAt(a))) a++;
  while (b > a && isMarker(s.charCodeAt(b - 1))) b--;
  // A label of letters (and "|", "_", "." for chat-template names and "p.s.") ending in ":", "]" or ">".
  let k = a;
  while (k < b && k - a < 24) {
    const c = s.charCodeAt(k);
    if ((c >= 97 && c <= 122) || c === 95 || c === 46 || c === 124 || c === 32 || c >= 0xc0) k++;
    else break;
  }
  const c = s.charCodeAt(k);
  if (k > a && k < b && (c === 58 || c === 93 || c === 62 || c === 0xff1a)) {
    a = k + 1;
    while (a < b && isMarker(s.charCodeAt(a))) a++;
  } else if (s.startsWith('im_start', a) || s.startsWith('system\n', a)) {
    a = s.indexOf('\n', a) + 1 || b;
  }
  return [a, b];
}

/** The script (candidates.ts scriptIndex) of most letters in [a, b), or -1 when none has 60 % of at least MIN_LETTERS. */
function dominant(s: string, a: number, b: number): number {
  const counts = new Int32Array(9);
  let n = 0;
  for (let i = a; i < b; i++) {
    const k = scriptIndex(s.charCodeAt(i));
    if (k < 0) continue;
    counts[k]++;
    n++;
  }
  if (n < MIN_LETTERS) return -1;
  let best = 0;
  for (let k = 1; k < counts.length; k++) if (counts[k] > counts[best]) best = k;
  return counts[best] >= 0.6 * n ? best : -1;
}

/**
 * The document's main script (SCRIPTS index, by the letters of its head), or -1 when no line can stand out: the
 * document ends within the head and the head's words (candidates.ts counts their scripts in its pass) are all in one
 * script.
 */
function mainScript(s: string, scripts: Int32Array | undefined): number {
  if (scripts && s.length <= SCRIPT_HEAD) {
    let best = 0;
    for (let k = 1; k < scripts.length; k++) if (scripts[k] > scripts[best]) best = k;
    let other = 0;
    for (let k = 0; k < scripts.length; k++) if (k !== best) other += scripts[k];
    if (other < MIN_OTHER_WORDS) return -1;
  }
  return dominant(s, 0, Math.min(s.length, VOTE));
}

/** Chat roles a spoofed turn claims; a comment labelled with one ("# SYSTEM: …") is a role line, not a code note. */
const CHAT_ROLES = ['system', 'assistant', 'ai', 'admin', 'administrator', 'developer', 'human'];

/** Whether the comment line [a, b) starts, after its comment marks, with a chat role and a colon. */
function spoofedRole(s: string, a: number, b: number): boolean {
  let k = a;
  while (k < b && (isMarker(s.charCodeAt(k)) || s.charCodeAt(k) === 34 || s.charCodeAt(k) === 39)) k++;
  for (const role of CHAT_ROLES) {
    if (!s.startsWith(role, k)) continue;
    let r = k + role.length;
    if (s.charCodeAt(r) === 32) r++;
    const c = s.charCodeAt(r);
    if (c === 58 || c === 0xff1a) return true;
  }
  return false;
}

/**
 * Hidden-carrier segments of a normalized (NFKC, lower-cased) document, and visible lines written in another script
 * than the document (an instruction pasted into an article in another language): consecutive lines of one hidden
 * carrier form one segment. `scripts` are the head's letters per script when the caller has counted them
 * (features.ts DocFeatures), so a document in one script skips the per-line script check. At most MAX_SEGMENTS, each at most MAX_SEGMENT_CHARS, from the first 32 KB and the last 8 KB.
 */
export function hiddenSegments(lower: string, scripts?: Int32Array): Segment[] {
  const kind = docKind(lower);
  const m = new Markers(lower);
  const out: Segment[] = [];
  const main = mainScript(lower, scripts);
  let open: { carrier: SegmentCarrier; start: number; end: number } | undefined;
  const flush = () => {
    if (!open) return;
    const [a, b] = strip(lower, open.start, Math.min(open.end, open.start + MAX_SEGMENT_CHARS));
    if (b > a) out.push({ carrier: open.carrier, start: a, end: b, text: lower.slice(a, b) });
    open = undefined;
  };
  // Only comments, hidden elements and (outside code) brackets need the carrier lookup; a chat-role label, a turn block
  // and the script are read off the line and the block markers.
  const blocks = TURN_BLOCKS.filter(([open]) => lower.includes(open));
  const lookup = lower.includes('<!--') || m.hiddenStyles || (kind !== 'code' && lower.includes('['));
  const shifts = main >= 0 && kind !== 'code';
  const lineCarrier = (a: number, end: number): SegmentCarrier => {
    if (spoofedRole(lower, a, end)) return 'role_line';
    // Judged just inside the line's opening marks ("<!--" must stand before the position).
    let probe = a;
    while (probe < end && probe - a < 8 && isMarker(lower.charCodeAt(probe))) probe++;
    for (const [open, close] of blocks) if (m.inside(open, close, probe)) return 'chat_turn';
    let carrier: SegmentCarrier = 'prose';
    if (lookup) {
      carrier = carrierAt(m, kind, probe);
      // Only a chat role makes a labelled line a spoofed turn; "note:", "important:" label notes for people.
      if (carrier === 'role_line') carrier = 'prose';
    }
    if (shifts && (carrier === 'prose' || carrier === 'cell' || carrier === 'quote' || carrier === 'ps')) {
      const script = dominant(lower, a, end);
      if (script >= 0 && script !== main) return 'script_shift';
    }
    return carrier;
  };
  let carrier: SegmentCarrier;
  const scan = (from: number, to: number) => {
    let start = from;
    while (start < to && out.length < MAX_SEGMENTS) {
      let end = lower.indexOf('\n', start);
      if (end < 0 || end > to) end = to;
      let a = start;
      while (a < end && isSpace(lower.charCodeAt(a))) a++;
      if (a < end) {
        carrier = lineCarrier(a, end);
        if (JUDGED.has(carrier)) {
          if (open && open.carrier === carrier && carrier !== 'role_line' && carrier !== 'script_shift') open.end = end;
          else {
            flush();
            open = { carrier, start: a, end };
          }
        } else flush();
      }
      start = end + 1;
    }
    flush();
  };
  if (lower.length <= HEAD + TAIL) scan(0, lower.length);
  else {
    scan(0, HEAD);
    const tail = lower.indexOf('\n', lower.length - TAIL);
    if (tail >= 0) scan(tail + 1, lower.length);
  }
  return out.slice(0, MAX_SEGMENTS);
}
