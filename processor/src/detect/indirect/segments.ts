/**
 * The text a document hides from its human reader, cut into segments: HTML comments, hidden elements, role-labelled
 * lines ("SYSTEM: …", chat-template turns, also inside a code comment) and bracketed note blocks, each stripped of its
 * markers. The cue lists of features.ts read sentences in the languages they know; these segments are what the
 * trained classifier judges as if a user had typed them, so an instruction hidden in a language or wording the cue
 * lists lack is still read. Other code comments, docstrings, strings and P.S. lines are left out: developers write
 * commands there for each other and people write P.S. lines to each other, and as prompts those read like requests.
 * Bounded: the head and tail of a document, a fixed number of segments.
 */
import { Markers, carrierAt, docKind, isSpace, type Carrier } from './carrier.js';

export interface Segment {
  carrier: Carrier;
  /** Offsets into the (normalized) document text. */
  start: number;
  end: number;
  /** The segment without its carrier markers. */
  text: string;
}

/** Carriers whose text is judged as a hidden prompt. */
const JUDGED: ReadonlySet<Carrier> = new Set(['html_comment', 'hidden', 'role_line', 'bracket']);
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

/** Chat roles a spoofed turn claims; a comment labelled with one ("# SYSTEM: …") is a role line, not a code note. */
const CHAT_ROLES = ['system', 'assistant', 'ai', 'admin', 'administrator', 'developer'];

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
 * Hidden-carrier segments of a normalized (NFKC, lower-cased) document: consecutive lines of one carrier form one
 * segment. At most MAX_SEGMENTS, each at most MAX_SEGMENT_CHARS, from the first 32 KB and the last 8 KB.
 */
export function hiddenSegments(lower: string): Segment[] {
  const kind = docKind(lower);
  const m = new Markers(lower);
  const out: Segment[] = [];
  let open: { carrier: Carrier; start: number; end: number } | undefined;
  const flush = () => {
    if (!open) return;
    const [a, b] = strip(lower, open.start, Math.min(open.end, open.start + MAX_SEGMENT_CHARS));
    if (b > a) out.push({ carrier: open.carrier, start: a, end: b, text: lower.slice(a, b) });
    open = undefined;
  };
  const scan = (from: number, to: number) => {
    let start = from;
    while (start < to && out.length < MAX_SEGMENTS) {
      let end = lower.indexOf('\n', start);
      if (end < 0 || end > to) end = to;
      let a = start;
      while (a < end && isSpace(lower.charCodeAt(a))) a++;
      if (a < end) {
        // The carrier is judged just inside the line's opening marks ("<!--" must stand before the position).
        let probe = a;
        while (probe < end && probe - a < 8 && isMarker(lower.charCodeAt(probe))) probe++;
        let carrier = carrierAt(m, kind, probe);
        if (carrier === 'code_comment' || carrier === 'docstring' || carrier === 'role_line')
          // Only a chat role makes a labelled line a spoofed turn; "note:", "important:" label notes for people.
          carrier = spoofedRole(lower, a, end) || m.inside('<|im_start|>', '<|im_end|>', a) ? 'role_line' : carrier;
        if (carrier === 'role_line' && !spoofedRole(lower, a, end) && !m.inside('<|im_start|>', '<|im_end|>', a))
          carrier = 'prose';
        if (JUDGED.has(carrier)) {
          if (open && open.carrier === carrier && carrier !== 'role_line') open.end = end;
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
