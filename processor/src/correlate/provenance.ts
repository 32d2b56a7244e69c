/**
 * Context provenance: retrieved content an application pasted into the system prompt (the common RAG pattern) or into
 * the user message (LlamaIndex's query template) is a document, not an instruction from the operator or a request
 * from the user. Content also seen in a retrieval, embedding or tool span of the same trace, and sections delimited as
 * context (sections.ts), are cut out of the prompt and added to the Interaction's documents: detectors then scan them
 * on the document channel and a poisoned document's words are attributed to the document, not to the user.
 */
import type { Interaction, Message, RetrievedDocument } from '@tracehound/core';
import { contextSections, mergeRanges, type Range } from './sections.js';

/** Content retrieved in the same trace: its text and the span that carried it. */
export interface Retrieved {
  text: string;
  spanId: string;
}

/** Prompts longer than this are not searched for retrieved content (the cost stays linear in what is bounded). */
const MAX_PROMPT_CHARS = 512 * 1024;
/** A section shorter than this is not worth treating as a document. */
const MIN_SECTION_CHARS = 24;

interface Found extends Range {
  spanId?: string;
}

/** Parts of `r` not covered by any of `cover` (sorted, non-overlapping). */
function subtract(r: Range, cover: readonly Range[]): Range[] {
  const out: Range[] = [];
  let at = r.start;
  for (const c of cover) {
    if (c.end <= at || c.start >= r.end) continue;
    if (c.start > at) out.push({ start: at, end: c.start });
    at = Math.max(at, c.end);
  }
  if (at < r.end) out.push({ start: at, end: r.end });
  return out;
}

/**
 * Ranges of `text` holding retrieved content: exact occurrences of texts retrieved in the trace (each its own
 * document, so the copy in the retrieval span is recognised as the same text), then what delimited sections hold
 * besides them.
 */
function findContext(text: string, retrieved: readonly Retrieved[]): Found[] {
  if (text.length > MAX_PROMPT_CHARS) return [];
  const exact: Found[] = [];
  for (const r of retrieved) {
    if (r.text.length > text.length) continue;
    const at = text.indexOf(r.text);
    if (at >= 0) exact.push({ start: at, end: at + r.text.length, spanId: r.spanId });
  }
  exact.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Found[] = [];
  for (const e of exact) if (!kept.some((k) => e.start < k.end && k.start < e.end)) kept.push(e);
  const found: Found[] = [...kept];
  for (const section of mergeRanges(contextSections(text)))
    for (const rest of subtract(section, kept)) found.push(rest);
  return found
    .filter((m) => text.slice(m.start, m.end).trim().length >= MIN_SECTION_CHARS)
    .sort((a, b) => a.start - b.start);
}

/** Cut ranges out of a text; each becomes a document. */
function cut(text: string, ranges: Found[], source: string, docs: RetrievedDocument[]): string {
  let out = '';
  let last = 0;
  for (const r of ranges) {
    out += text.slice(last, r.start);
    out += '\n';
    const content = text.slice(r.start, r.end).trim();
    docs.push({ content, source, trust: 'unknown', ...(r.spanId ? { id: `span:${r.spanId}` } : {}) });
    last = r.end;
  }
  return out + text.slice(last);
}

const QUESTION_LABELS = ['query:', 'question:', 'user question:'];

/**
 * A user message that carried pasted context is the app's template around the user's words. When the question is
 * labelled (`Query: …`, `Question: …`, LlamaIndex's and LangChain's templates), the user's words are what follows the
 * label (up to an `Answer:` line); the rest is the template — the developer's text, read like the system prompt.
 */
function splitTemplate(content: string): { user: string; template: string } | undefined {
  const lines = content.split('\n');
  let at = -1;
  for (let i = lines.length - 1; i >= 0; i--)
    if (QUESTION_LABELS.some((l) => lines[i].trim().toLowerCase().startsWith(l))) {
      at = i;
      break;
    }
  if (at < 0) return undefined;
  const first = lines[at].trim();
  const label = first.indexOf(':');
  const userLines = [first.slice(label + 1).trim()];
  let end = at + 1;
  for (; end < lines.length; end++) {
    const low = lines[end].trim().toLowerCase();
    if (low.startsWith('answer:') || low.startsWith('helpful answer:')) break;
    userLines.push(lines[end]);
  }
  const user = userLines.join('\n').trim();
  if (!user) return undefined;
  const template = [...lines.slice(0, at), ...lines.slice(end)].join('\n').trim();
  return { user, template };
}

/** The index of the first message of the newest turn (after the last assistant message). */
function turnStart(messages: readonly Message[]): number {
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i].role === 'assistant') return i + 1;
  return 0;
}

export interface ProvenanceResult {
  /** Documents moved out of the system prompt and the user messages. */
  moved: number;
}

/**
 * Move retrieved content out of the prompts of an LLM or agent Interaction into its documents (in place). In a user
 * message, content is only moved when the message has words of its own besides it (a query that was also embedded is
 * the user's, not a document).
 */
export function extractContext(ix: Interaction, retrieved: readonly Retrieved[]): ProvenanceResult {
  if (ix.kind !== 'llm_call' && ix.kind !== 'agent') return { moved: 0 };
  const before = ix.documents.length;
  const docs: RetrievedDocument[] = [];
  if (ix.systemInstructions) {
    const found = findContext(ix.systemInstructions, retrieved);
    if (found.length > 0) ix.systemInstructions = cut(ix.systemInstructions, found, 'inline:system', docs);
  }
  const start = turnStart(ix.input);
  const templates: Array<{ at: number; text: string }> = [];
  ix.input.forEach((m, i) => {
    if (!m.content) return;
    if (m.role === 'system' || m.role === 'developer') {
      const found = findContext(m.content, retrieved);
      if (found.length > 0) m.content = cut(m.content, found, 'inline:system', docs);
    } else if ((m.role === 'user' || m.role === 'unknown') && i >= start) {
      const found = findContext(m.content, retrieved);
      const covered = found.reduce((n, r) => n + (r.end - r.start), 0);
      if (found.length > 0 && m.content.trim().length - covered >= 8) {
        m.content = cut(m.content, found, 'inline:user', docs);
        const split = splitTemplate(m.content);
        if (split) {
          m.content = split.user;
          if (split.template) templates.push({ at: i, text: split.template });
        }
      }
    }
  });
  // The template goes in front of the user's message as the developer's text (system channel).
  for (const t of templates.reverse()) ix.input.splice(t.at, 0, { role: 'developer', content: t.text });
  for (const d of docs) ix.documents.push(d);
  return { moved: ix.documents.length - before };
}
