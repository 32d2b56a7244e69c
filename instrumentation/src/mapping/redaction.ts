/**
 * Rewrites SDK payloads for the guard's redact action, keeping the SDK's own shapes: the request params are copied on
 * write (the app's object is never touched), a parsed response is changed in place (so `.withResponse()` and the
 * SDK's helpers see the same object), and a held-back stream has its text deltas rewritten per text slot, so a
 * secret split across chunks is still masked as a whole. Only text-bearing fields are rewritten, never ids or types.
 */
import type { PayloadRedaction } from './types.js';

type Redact = (text: string) => string;
type Obj = Record<string, unknown>;

/** Fields holding text a guard reads, in all three APIs (chat, Responses, Anthropic messages). */
const TEXT_KEYS = new Set([
  'content',
  'text',
  'refusal',
  'arguments',
  'output',
  'input',
  'thinking',
  'output_text',
  'partial_json',
]);
/** Fields whose object value is free-form (tool input): every string inside is text. */
const FREE_FORM_KEYS = new Set(['input', 'arguments']);
const MAX_DEPTH = 32;

function isPlain(v: unknown): v is Obj {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * Copy-on-write walk: returns `v` itself when nothing changed. `free` marks a free-form subtree; `textItems` marks an
 * array under a text key, whose string items are text.
 */
function walk(v: unknown, f: Redact, free: boolean, textItems: boolean, depth: number): unknown {
  if (typeof v === 'string') return free || textItems ? f(v) : v;
  if (depth > MAX_DEPTH) return v;
  if (Array.isArray(v)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const next = walk(v[i], f, free, textItems, depth + 1);
      if (next !== v[i]) (out ??= v.slice())[i] = next;
    }
    return out ?? v;
  }
  if (!isPlain(v)) return v;
  let out: Obj | undefined;
  for (const key of Object.keys(v)) {
    const child = v[key];
    let next: unknown;
    if (key === 'logprobs' && child && typeof child === 'object')
      next = null; // per-token text would spell the secret out
    else if (typeof child === 'string') next = free || TEXT_KEYS.has(key) ? f(child) : child;
    else if (child && typeof child === 'object')
      next = walk(child, f, free || FREE_FORM_KEYS.has(key), TEXT_KEYS.has(key), depth + 1);
    else continue;
    if (next !== child) (out ??= { ...v })[key] = next;
  }
  return out ?? v;
}

/** Redacts every text field of a value, copy-on-write. */
export function redactValue<T>(v: T, f: Redact): T {
  return walk(v, f, false, false, 0) as T;
}

/** Request params: the conversation (`messages`, `input`) is redacted; system/developer turns and settings are kept. */
export function redactRequestParams(params: Obj, f: Redact): Obj {
  let out: Obj | undefined;
  for (const key of ['messages', 'input']) {
    const v = params[key];
    let next: unknown;
    if (typeof v === 'string') next = f(v);
    else if (Array.isArray(v)) {
      let list: unknown[] | undefined;
      v.forEach((m, i) => {
        const role = isPlain(m) ? m.role : undefined;
        if (role === 'system' || role === 'developer') return;
        const r = redactValue(m, f);
        if (r !== m) (list ??= v.slice())[i] = r;
      });
      next = list ?? v;
    } else continue;
    if (next !== v) (out ??= { ...params })[key] = next;
  }
  return out ?? params;
}

/** Parsed response: redacted in place (the top-level object stays the one the SDK built). True when it changed. */
export function redactResponseInPlace(data: unknown, f: Redact): boolean {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return false;
  const body = data as Obj;
  const next = walk(body, f, false, false, 0) as Obj;
  if (next === body) return false;
  for (const key of Object.keys(next)) if (next[key] !== body[key]) body[key] = next[key];
  return true;
}

/** A place in one chunk holding a piece of a streamed text, and the key of the text it belongs to. */
interface Slot {
  key: string;
  holder: Obj;
  field: string;
}

/** Joins each text's pieces, redacts the whole, and puts it in its first piece (the later pieces become ''). */
function redactSlots(slots: Slot[], f: Redact): boolean {
  let changed = false;
  const byKey = new Map<string, Slot[]>();
  for (const s of slots) {
    const list = byKey.get(s.key);
    if (list) list.push(s);
    else byKey.set(s.key, [s]);
  }
  for (const list of byKey.values()) {
    const whole = list.map((s) => s.holder[s.field] as string).join('');
    const red = f(whole);
    if (red === whole) continue;
    changed = true;
    list.forEach((s, i) => {
      s.holder[s.field] = i === 0 ? red : '';
    });
  }
  return changed;
}

function obj(v: unknown): Obj | undefined {
  return isPlain(v) ? v : undefined;
}

function slot(slots: Slot[], key: string, holder: Obj | undefined, field: string): void {
  if (holder && typeof holder[field] === 'string') slots.push({ key, holder, field });
}

/** chat.completion.chunk: content, refusal and tool-call argument deltas per choice. */
export function redactChatStream(chunks: unknown[], f: Redact): boolean {
  const slots: Slot[] = [];
  for (const c of chunks) {
    const chunk = obj(c);
    if (!chunk || !Array.isArray(chunk.choices)) continue;
    for (const ch of chunk.choices) {
      const choice = obj(ch);
      if (!choice) continue;
      if (choice.logprobs && typeof choice.logprobs === 'object') choice.logprobs = null;
      const delta = obj(choice.delta);
      if (!delta) continue;
      const i = String(choice.index ?? 0);
      slot(slots, `${i}:content`, delta, 'content');
      slot(slots, `${i}:refusal`, delta, 'refusal');
      if (Array.isArray(delta.tool_calls)) {
        for (const tc of delta.tool_calls) {
          const t = obj(tc);
          slot(slots, `${i}:tool:${String(t?.index ?? 0)}`, obj(t?.function), 'arguments');
        }
      }
    }
  }
  return redactSlots(slots, f);
}

/** Anthropic message events: text, thinking and tool-input deltas per content block; other events field by field. */
export function redactAnthropicStream(chunks: unknown[], f: Redact): boolean {
  let changed = false;
  const slots: Slot[] = [];
  for (let n = 0; n < chunks.length; n++) {
    const e = obj(chunks[n]);
    if (!e) continue;
    if (e.type === 'content_block_delta') {
      const d = obj(e.delta);
      const key = String(e.index ?? 0);
      for (const field of ['text', 'partial_json', 'thinking']) slot(slots, key, d, field);
    } else if (e.type === 'message_start' || e.type === 'content_block_start') {
      changed = redactResponseInPlace(e, f) || changed;
    }
  }
  return redactSlots(slots, f) || changed;
}

/** Responses API events: `*.delta` events per item/part; snapshots (`*.done`, `response.completed`...) field by field. */
export function redactResponsesStream(chunks: unknown[], f: Redact): boolean {
  let changed = false;
  const slots: Slot[] = [];
  for (const c of chunks) {
    const e = obj(c);
    if (!e || typeof e.type !== 'string') continue;
    if (e.type.endsWith('.delta') && typeof e.delta === 'string') {
      slot(
        slots,
        `${e.type}:${String(e.item_id)}:${String(e.output_index)}:${String(e.content_index)}:${String(e.summary_index)}`,
        e,
        'delta',
      );
    } else {
      changed = redactResponseInPlace(e, f) || changed;
    }
  }
  return redactSlots(slots, f) || changed;
}

export const chatRedaction: PayloadRedaction = {
  request: redactRequestParams,
  response: redactResponseInPlace,
  stream: redactChatStream,
};
export const responsesRedaction: PayloadRedaction = {
  request: redactRequestParams,
  response: redactResponseInPlace,
  stream: redactResponsesStream,
};
export const anthropicRedaction: PayloadRedaction = {
  request: redactRequestParams,
  response: redactResponseInPlace,
  stream: redactAnthropicStream,
};
