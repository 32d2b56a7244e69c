/**
 * Bounded, never-throwing JSON reading for content attributes. Instrumentations store messages as JSON strings that
 * SDK attribute-length limits often truncate; we recover what we can (complete array elements, then the string values
 * of the cut-off tail) so detectors still see the text, and count every failure.
 */
import type { AttrValue } from '@tracehound/core';

/** Beyond this many characters a JSON attribute is not parsed: its raw text is scanned instead. */
export const MAX_JSON_CHARS = 1 << 20;

/** Per-span parse bookkeeping, threaded through every reader. */
export interface ParseCtx {
  errors: number;
}

/** What a content attribute yielded: a parsed value, and/or raw text that could not be parsed. */
export interface JsonRead {
  value?: unknown;
  raw?: string;
}

/** Plain text of a scalar attribute value (numbers and booleans stringified, bytes ignored). */
export function scalarText(v: AttrValue | undefined): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return undefined;
}

function firstNonSpace(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return c;
  }
  return -1;
}

/** True when a string plausibly holds a JSON object, array or string literal (cheap first-character test). */
export function looksLikeJson(s: string): boolean {
  const c = firstNonSpace(s);
  return c === 123 /* { */ || c === 91 /* [ */ || c === 34; /* " */
}

/**
 * Read an attribute that should hold JSON. Structured OTLP values (kvlist/array, already flattened to JS) pass through
 * untouched. Strings are parsed when small enough; otherwise, or on failure, salvage and count one parse error.
 */
export function readJson(v: AttrValue | undefined, ctx: ParseCtx): JsonRead {
  if (v === undefined || v === null) return {};
  if (typeof v !== 'string') {
    if (v instanceof Uint8Array) return {};
    return { value: v };
  }
  if (v.length === 0) return {};
  if (v.length > MAX_JSON_CHARS) {
    ctx.errors++;
    return { raw: v };
  }
  if (!looksLikeJson(v)) {
    // A JSON attribute holding plain text: keep the text, note the anomaly.
    ctx.errors++;
    return { raw: v };
  }
  try {
    return { value: JSON.parse(v) as unknown };
  } catch {
    ctx.errors++;
    return salvage(v);
  }
}

/** Parse a string only if it looks like JSON; plain text is returned as raw without counting an error. */
export function readMaybeJson(v: AttrValue | undefined, ctx: ParseCtx): JsonRead {
  if (typeof v === 'string' && !looksLikeJson(v)) return v.length > 0 ? { raw: v } : {};
  return readJson(v, ctx);
}

/** Stringify a parsed value for a text field (tool arguments, results); never throws. */
export function toText(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (v instanceof Uint8Array) return undefined;
  try {
    return JSON.stringify(v, (_k, val: unknown) => (typeof val === 'bigint' ? String(val) : val));
  } catch {
    return undefined;
  }
}

/**
 * Recover from malformed JSON in one linear pass: for an array, every complete top-level element is parsed on its own;
 * the incomplete tail (and any element that fails) contributes its string values as raw text.
 */
function salvage(s: string): JsonRead {
  const first = firstNonSpace(s);
  if (first !== 91 /* [ */) {
    const text = stringValues(s, 0);
    return text ? { raw: text } : {};
  }
  const elements: unknown[] = [];
  const rawParts: string[] = [];
  let depth = 0;
  let inStr = false;
  let esc = false;
  let start = -1;
  let overflowAt = -1;
  let i = 0;
  const finish = (end: number) => {
    if (start < 0) return;
    if (elements.length >= MAX_SALVAGED_ELEMENTS) {
      // Past the bound, keep scanning for structure but stop building values: the remainder becomes raw text.
      if (overflowAt < 0) overflowAt = start;
      start = -1;
      return;
    }
    const slice = s.slice(start, end);
    try {
      elements.push(JSON.parse(slice) as unknown);
    } catch {
      const t = stringValues(slice, 0);
      if (t) rawParts.push(t);
    }
    start = -1;
  };
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (inStr) {
      if (esc) esc = false;
      else if (c === 92) esc = true;
      else if (c === 34) inStr = false;
      continue;
    }
    if (c === 34) {
      inStr = true;
      if (depth === 1 && start < 0) start = i;
    } else if (c === 91 || c === 123) {
      if (depth === 1 && start < 0) start = i;
      depth++;
    } else if (c === 93 || c === 125) {
      depth--;
      if (depth === 0) {
        finish(i);
        break;
      }
    } else if (c === 44 && depth === 1) {
      finish(i);
    } else if (depth === 1 && start < 0 && c !== 32 && c !== 9 && c !== 10 && c !== 13) {
      start = i;
    }
  }
  const tailFrom = overflowAt >= 0 ? overflowAt : start;
  if (tailFrom >= 0) {
    const t = stringValues(s, tailFrom);
    if (t) rawParts.push(t);
  }
  const out: JsonRead = {};
  if (elements.length > 0) out.value = elements;
  if (rawParts.length > 0) out.raw = rawParts.join('\n');
  return out;
}

/** Elements of a broken array parsed one by one; beyond this the rest is harvested as raw text (linear either way). */
const MAX_SALVAGED_ELEMENTS = 2000;

/** Enumerations that carry no content: skipped when harvesting string values from broken JSON. */
const STRUCTURAL = new Set([
  'user',
  'assistant',
  'system',
  'tool',
  'developer',
  'text',
  'tool_call',
  'tool_call_response',
  'function',
  'stop',
  'length',
  'tool_calls',
]);

/**
 * The string values (not keys) of a possibly broken JSON text, unescaped and joined by newlines; an unterminated last
 * string is included. Linear time.
 */
export function stringValues(s: string, from: number): string {
  const out: string[] = [];
  let i = from;
  while (i < s.length) {
    if (s.charCodeAt(i) !== 34) {
      i++;
      continue;
    }
    let j = i + 1;
    let buf = '';
    let segStart = j;
    let closed = false;
    while (j < s.length) {
      const c = s.charCodeAt(j);
      if (c === 34) {
        buf += s.slice(segStart, j);
        closed = true;
        break;
      }
      if (c === 92) {
        buf += s.slice(segStart, j);
        const n = s.charCodeAt(j + 1);
        if (Number.isNaN(n)) {
          j += 1;
          segStart = j;
          break;
        }
        if (n === 110) buf += '\n';
        else if (n === 116) buf += '\t';
        else if (n === 114) buf += '\r';
        else if (n === 98 || n === 102) buf += ' ';
        else if (n === 117) {
          const hex = s.slice(j + 2, j + 6);
          const code = hex.length === 4 ? Number.parseInt(hex, 16) : Number.NaN;
          if (!Number.isNaN(code)) buf += String.fromCharCode(code);
          j += 6;
          segStart = j;
          continue;
        } else buf += String.fromCharCode(n);
        j += 2;
        segStart = j;
        continue;
      }
      j++;
    }
    if (!closed) buf += s.slice(segStart, Math.min(j, s.length));
    // A key is followed (after optional spaces) by a colon.
    let k = j + 1;
    while (
      k < s.length &&
      (s.charCodeAt(k) === 32 || s.charCodeAt(k) === 10 || s.charCodeAt(k) === 13 || s.charCodeAt(k) === 9)
    )
      k++;
    const isKey = closed && s.charCodeAt(k) === 58;
    if (!isKey && buf.length > 0 && !STRUCTURAL.has(buf)) out.push(buf);
    i = closed ? j + 1 : s.length;
  }
  return out.join('\n');
}

/** Bound on string leaves collected by leafText. */
const MAX_LEAVES = 10_000;

/**
 * The string leaves of a parsed JSON value joined by newlines (depth-first, bounded): turns a framework's serialized
 * inputs/outputs ({args, kwargs}, nested objects) into scannable text without JSON escapes.
 */
export function leafText(v: unknown): string {
  const out: string[] = [];
  const stack: unknown[] = [v];
  let visited = 0;
  while (stack.length > 0 && out.length < MAX_LEAVES && visited < MAX_LEAVES * 4) {
    const cur = stack.pop();
    visited++;
    if (typeof cur === 'string') {
      if (cur.length > 0) out.push(cur);
    } else if (Array.isArray(cur)) {
      for (let i = cur.length - 1; i >= 0; i--) stack.push(cur[i]);
    } else if (typeof cur === 'object' && cur !== null && !(cur instanceof Uint8Array)) {
      const vals = Object.values(cur as Record<string, unknown>);
      for (let i = vals.length - 1; i >= 0; i--) stack.push(vals[i]);
    }
  }
  return out.join('\n');
}
