/**
 * Content capture modes applied to what the processor forwards: full (as received), redacted (secrets and PII masked
 * inside the content, JSON structure kept), hashed (content replaced by HMAC-SHA256 digests so equal texts still
 * correlate). Only attributes that carry prompt/response/tool/document content are touched; which ones depends on the
 * instrumentation dialect, so the key list below covers every dialect the normalizers accept.
 */
import { RE2 } from '../regex.js';
import type { Attributes, AttrValue } from '../telemetry/views.js';
import { HASH_PREFIX, hmacText } from './hmac.js';
import { redactText } from './redact.js';

export type CaptureMode = 'full' | 'redacted' | 'hashed';

/** Content attributes with a fixed name, by dialect. */
export const CONTENT_ATTRIBUTE_KEYS: ReadonlySet<string> = new Set([
  // OTel GenAI (current)
  'gen_ai.input.messages',
  'gen_ai.output.messages',
  'gen_ai.system_instructions',
  'gen_ai.tool.call.arguments',
  'gen_ai.tool.call.result',
  'gen_ai.retrieval.documents',
  'gen_ai.retrieval.query.text',
  // OTel GenAI (older) and OpenLIT
  'gen_ai.prompt',
  'gen_ai.completion',
  'gen_ai.content.prompt',
  'gen_ai.content.completion',
  'gen_ai.content.reasoning',
  // OpenInference
  'input.value',
  'output.value',
  'tool.parameters',
  'llm.prompt_template.variables',
  // OpenLLMetry
  'traceloop.entity.input',
  'traceloop.entity.output',
  // Vercel AI SDK
  'ai.prompt',
  'ai.prompt.messages',
  'ai.response.text',
  'ai.response.toolCalls',
  'ai.response.object',
  'ai.response.reasoning',
  'ai.toolCall.args',
  'ai.toolCall.result',
  // Tracehound's own instrumentation
  'tracehound.tool.arguments',
  'tracehound.tool.result',
  'tracehound.retrieval.documents',
]);

/** Indexed content attributes (flattened message lists), one anchored pattern. */
const INDEXED_CONTENT = new RE2(
  '^(?:' +
    [
      String.raw`gen_ai\.(?:prompt|completion)\.[0-9]+\.(?:content|tool_calls\.[0-9]+\.arguments)`,
      String.raw`llm\.(?:input|output)_messages\.[0-9]+\.message\.(?:content|contents\.[0-9]+\.message_content\.text|tool_calls\.[0-9]+\.tool_call\.function\.arguments)`,
      String.raw`llm\.prompts\.[0-9]+(?:\.prompt\.text|\.content)?`,
      String.raw`retrieval\.documents\.[0-9]+\.document\.content`,
      String.raw`reranker\.(?:input|output)_documents\.[0-9]+\.document\.content`,
      String.raw`embedding\.embeddings\.[0-9]+\.embedding\.text`,
    ].join('|') +
    ')$',
);

export function isContentAttribute(key: string): boolean {
  return CONTENT_ATTRIBUTE_KEYS.has(key) || INDEXED_CONTENT.test(key);
}

/**
 * JSON keys whose short string values are structure, not content (roles, part types, ids, names): kept as they are
 * in hashed mode so forwarded messages stay parseable and countable.
 */
const STRUCTURAL_KEYS: ReadonlySet<string> = new Set([
  'role',
  'type',
  'name',
  'id',
  'tool_call_id',
  'toolCallId',
  'toolName',
  'finish_reason',
  'finishReason',
  'mime_type',
  'mimeType',
  'modality',
  'format',
  'media_type',
  'source',
  'trust',
  'score',
]);
const STRUCTURAL_MAX = 64;

/** Largest JSON text parsed for structure-preserving redaction; longer values are treated as plain text. */
const MAX_JSON_CHARS = 4 * 1024 * 1024;
const MAX_DEPTH = 64;

type Leaf = (s: string, key: string | undefined) => string;

/** A plain object without prototype, so a JSON or kvlist key such as `__proto__` is just a key. */
function bare<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

function mapJson(v: unknown, leaf: Leaf, key: string | undefined, depth: number): unknown {
  if (typeof v === 'string') return leaf(v, key);
  if (depth >= MAX_DEPTH || v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x) => mapJson(x, leaf, key, depth + 1));
  const out = bare<unknown>();
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = mapJson(x, leaf, k, depth + 1);
  return out;
}

/** Apply leaf to a string value, inside its JSON when it is a JSON object/array, keeping it valid JSON. */
function transformString(s: string, leaf: Leaf, whole: (s: string) => string): string {
  const t = s.trimStart();
  if (s.length <= MAX_JSON_CHARS && (t.startsWith('{') || t.startsWith('['))) {
    try {
      return JSON.stringify(mapJson(JSON.parse(s), leaf, undefined, 0));
    } catch {
      // not JSON (or truncated): fall through to plain text
    }
  }
  return whole(s);
}

/**
 * Walks an attribute value. Strings directly under a kvlist key go through `leaf` with that key (so hashed mode keeps
 * structural fields such as `role` of a kvlist log body); a top-level string goes through `whole`.
 */
function transformValue(
  v: AttrValue,
  leaf: Leaf,
  whole: (s: string) => string,
  hashBytes: ((b: Uint8Array) => string) | undefined,
  key: string | undefined,
  depth: number,
): AttrValue {
  if (typeof v === 'string') return transformString(v, leaf, key === undefined ? whole : (s) => leaf(s, key));
  if (depth >= MAX_DEPTH) return v;
  if (Array.isArray(v)) return v.map((x) => transformValue(x, leaf, whole, hashBytes, key, depth + 1));
  if (v instanceof Uint8Array) return hashBytes ? hashBytes(v) : v;
  if (v !== null && typeof v === 'object') {
    const out = bare<AttrValue>();
    for (const [k, x] of Object.entries(v)) out[k] = transformValue(x, leaf, whole, hashBytes, k, depth + 1);
    return out;
  }
  return v;
}

function sameValue(a: AttrValue, b: AttrValue): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  try {
    const replacer = (_k: string, x: unknown) =>
      typeof x === 'bigint' ? x.toString() : x instanceof Uint8Array ? Buffer.from(x).toString('base64') : x;
    return JSON.stringify(a, replacer) === JSON.stringify(b, replacer);
  } catch {
    return false;
  }
}

/** Marker forwarded instead of content the capture mode could not process (never the raw content). */
export const CAPTURE_FAILED = '[content removed: capture mode failed]';

/**
 * Apply a capture mode to one value the caller knows to be content (an attribute value, an event attribute, a log
 * body): strings, JSON inside strings, kvlists and arrays alike. Returns the value itself when nothing changes. Hashed
 * mode keeps short structural fields (role, type, name, id, ...) and numbers so the shape stays readable; without a key
 * it removes the content (replaced by a marker) rather than forwarding it. Never throws.
 */
export function applyCaptureToValue(mode: CaptureMode, value: AttrValue, hashKey?: string | Buffer): AttrValue {
  if (mode === 'full' || value === null || value === undefined) return value;
  try {
    let next: AttrValue;
    if (mode === 'redacted') {
      // Only rewrite a string that holds something to mask: re-serializing JSON would otherwise change bytes for nothing.
      const redactString = (s: string) =>
        redactText(s) === s ? s : transformString(s, (x) => redactText(x), redactText);
      next = transformValue(value, (s) => redactString(s), redactString, undefined, undefined, 0);
    } else {
      const hashOne = (s: string) =>
        hashKey ? `${HASH_PREFIX}${hmacText(hashKey, s)}` : '[content removed: no hash key]';
      const hashLeaf: Leaf = (s, k) =>
        k !== undefined && STRUCTURAL_KEYS.has(k) && s.length <= STRUCTURAL_MAX ? s : hashOne(s);
      const hashBytes = (b: Uint8Array) => hashOne(Buffer.from(b).toString('base64'));
      next = transformValue(value, hashLeaf, hashOne, hashBytes, undefined, 0);
    }
    return sameValue(value, next) ? value : next;
  } catch {
    return CAPTURE_FAILED;
  }
}

/**
 * Apply a capture mode to one span's (or log record's) attributes. Returns only the attributes that changed, ready for
 * TraceBatch.setSpanAttributes; an empty object when nothing changes. Never throws.
 */
export function applyCaptureMode(mode: CaptureMode, attributes: Attributes, key?: string | Buffer): Attributes {
  const changed: Attributes = {};
  if (mode === 'full') return changed;
  for (const [k, v] of Object.entries(attributes)) {
    if (!isContentAttribute(k)) continue;
    const next = applyCaptureToValue(mode, v, key);
    if (next !== v) changed[k] = next;
  }
  return changed;
}
