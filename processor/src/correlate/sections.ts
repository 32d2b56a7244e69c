/**
 * Sections of a prompt that an application delimits as retrieved context: `<context>…</context>`-style tags
 * (`context`, `documents`, `document`, `sources`, `search_results`, `retrieved_context`, `knowledge`), LlamaIndex's
 * "Context information is below." between dashed rules, LangChain's "Use the following pieces of (retrieved)
 * context…" preamble, a `Context:` header, and numbered sources (`[1] …`, `Source 2: …`, `Document 3: …`). One linear
 * pass over the lines; no regular expression runs on the text.
 */

/** A half-open character range [start, end) of the text. */
export interface Range {
  start: number;
  end: number;
}

const TAGS = ['context', 'documents', 'document', 'sources', 'search_results', 'retrieved_context', 'knowledge'];

/** Lines that end a context section opened by a header: the question or the answer follows. */
const STOP_PREFIXES = ['question:', 'query:', 'answer:', 'user:', 'user question:', 'human:', 'helpful answer:'];

interface Line {
  start: number;
  end: number;
  /** Trimmed, lowercased. */
  low: string;
}

function lines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let nl = text.indexOf('\n', start);
    if (nl < 0) nl = text.length;
    const raw = text.slice(start, nl);
    out.push({
      start,
      end: nl,
      low: raw.length <= 512 ? raw.trim().toLowerCase() : raw.slice(0, 512).trim().toLowerCase(),
    });
    start = nl + 1;
  }
  return out;
}

const isRule = (l: Line) => l.low.length >= 5 && [...l.low].every((c) => c === '-' || c === '=' || c === '_');
const isStop = (l: Line) => STOP_PREFIXES.some((p) => l.low.startsWith(p));

/** `[1]`, `[12]`, `source 1:`, `document 2:`, `doc 3:`, `passage 4:` at the start of a line. */
function isNumbered(low: string): boolean {
  if (low.charCodeAt(0) === 91 /* [ */) {
    let i = 1;
    while (i < low.length && i < 5 && low.charCodeAt(i) >= 48 && low.charCodeAt(i) <= 57) i++;
    return i > 1 && low.charCodeAt(i) === 93; /* ] */
  }
  for (const p of ['source ', 'document ', 'doc ', 'passage ', 'excerpt ']) {
    if (!low.startsWith(p)) continue;
    let i = p.length;
    const d0 = i;
    while (i < low.length && low.charCodeAt(i) >= 48 && low.charCodeAt(i) <= 57) i++;
    return i > d0 && (low.charCodeAt(i) === 58 || low.charCodeAt(i) === 41); /* : or ) */
  }
  return false;
}

/** Tag sections: from after `<tag …>` to `</tag>` (or the end). Case-insensitive on ASCII tag names. */
function tagSections(text: string, out: Range[]): void {
  const low = text.length <= 1 << 20 ? text.toLowerCase() : '';
  // toLowerCase can change the length of non-ASCII text: offsets are only valid when it did not.
  if (low.length !== text.length) return;
  for (const tag of TAGS) {
    let from = 0;
    for (;;) {
      const open = low.indexOf(`<${tag}`, from);
      if (open < 0) break;
      const after = low.charCodeAt(open + tag.length + 1);
      const gt = low.indexOf('>', open);
      if (gt < 0 || (after !== 62 /* > */ && after !== 32 && after !== 10)) {
        from = open + 1;
        continue;
      }
      const close = low.indexOf(`</${tag}>`, gt);
      const end = close < 0 ? text.length : close;
      if (end > gt + 1) out.push({ start: gt + 1, end });
      from = close < 0 ? text.length : close + tag.length + 3;
    }
  }
}

/** The delimited context sections of a prompt (possibly overlapping; see mergeRanges). */
export function contextSections(text: string): Range[] {
  const out: Range[] = [];
  if (text.length < 24) return out;
  tagSections(text, out);
  const ls = lines(text);
  for (let i = 0; i < ls.length; i++) {
    const l = ls[i];
    if (l.low.length === 0) continue;
    // LlamaIndex: "Context information is below." ---- context ----
    if (l.low.startsWith('context information is below')) {
      let j = i + 1;
      if (j < ls.length && isRule(ls[j])) j++;
      let k = j;
      while (k < ls.length && !isRule(ls[k])) k++;
      if (k > j) out.push({ start: ls[j].start, end: ls[k - 1].end });
      i = k;
      continue;
    }
    // LangChain: "Use the following pieces of (retrieved) context to answer…" then the context. The phrase often
    // follows a first sentence on the same line (LangChain's RAG prompt: "You are an assistant for question-answering
    // tasks. Use the following pieces of retrieved context…").
    const pieces = l.low.indexOf('use the following pieces of');
    if (pieces >= 0 && l.low.includes('context', pieces)) {
      let j = i + 1;
      let k = j;
      while (k < ls.length && !isStop(ls[k])) k++;
      while (j < k && ls[j].low.length === 0) j++;
      if (k > j) out.push({ start: ls[j].start, end: ls[k - 1].end });
      i = k - 1;
      continue;
    }
    // A "Context:" header: alone on its line, or followed by the context on the same line.
    if (l.low === 'context:' || l.low.startsWith('context: ') || l.low === 'retrieved context:') {
      const colon = text.indexOf(':', l.start);
      const sameLine = l.low !== 'context:' && l.low !== 'retrieved context:';
      let k = i + 1;
      while (k < ls.length && !isStop(ls[k])) k++;
      const start = sameLine ? colon + 1 : i + 1 < ls.length ? ls[i + 1].start : l.end;
      const end = k - 1 > i ? ls[k - 1].end : l.end;
      if (end > start) out.push({ start, end });
      i = k - 1;
      continue;
    }
    // Numbered sources: a run of lines, each source until the next marker.
    if (isNumbered(l.low)) {
      let k = i + 1;
      while (
        k < ls.length &&
        !isStop(ls[k]) &&
        (ls[k].low.length > 0 || (k + 1 < ls.length && isNumbered(ls[k + 1].low)))
      )
        k++;
      let s = i;
      for (let m = i + 1; m <= k; m++) {
        if (m === k || isNumbered(ls[m].low)) {
          out.push({ start: ls[s].start, end: ls[m - 1].end });
          s = m;
        }
      }
      i = k - 1;
    }
  }
  return out;
}

/** Sort and merge overlapping or touching ranges. */
export function mergeRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].filter((r) => r.end > r.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}
