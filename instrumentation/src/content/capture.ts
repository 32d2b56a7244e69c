/**
 * Content capture policy: off (the conventions' default), full, redacted or hashed, plus the size limit on each
 * content attribute. Serialization never produces broken JSON: whole parts are dropped from the end.
 */
import { warnOnce } from '../codes.js';
import { hmacText, redactText } from './privacy.js';
import type { GenAiMessage, Part } from './parts.js';

export const CAPTURE_MODES = ['off', 'full', 'redacted', 'hashed'] as const;
export type CaptureMode = (typeof CAPTURE_MODES)[number];

export interface ContentPolicy {
  readonly mode: CaptureMode;
  /** Maximum length (UTF-16 units) of one content attribute value. */
  readonly maxLength: number;
  /** Applies the mode to one text (identity in full mode). */
  text(value: string): string;
}

export interface ContentPolicyOptions {
  mode?: CaptureMode;
  hmacKey?: string | Buffer;
  maxLength?: number;
  /** Replaces the built-in redactor (redacted mode). */
  redact?: (text: string) => string;
}

export const DEFAULT_MAX_CONTENT_LENGTH = 64 * 1024;
const MIN_MAX_LENGTH = 256;

/**
 * The mode the environment sets, or undefined when it sets none: TRACEHOUND_CAPTURE_CONTENT (off|full|redacted|hashed),
 * else OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT (true → full, false → off). An invalid value warns
 * (TH_INSTR_ENV) and counts as unset.
 */
export function captureModeInEnv(env: NodeJS.ProcessEnv): CaptureMode | undefined {
  const own = env.TRACEHOUND_CAPTURE_CONTENT?.trim().toLowerCase();
  if (own) {
    if ((CAPTURE_MODES as readonly string[]).includes(own)) return own as CaptureMode;
    warnOnce(
      'TRACEHOUND_CAPTURE_CONTENT',
      'TH_INSTR_ENV',
      `TRACEHOUND_CAPTURE_CONTENT must be ${CAPTURE_MODES.join('|')}`,
    );
  }
  const otel = env.OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT?.trim().toLowerCase();
  if (!otel) return undefined;
  if (otel === 'true' || otel === '1') return 'full';
  if (otel === 'false' || otel === '0') return 'off';
  warnOnce(
    'OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT',
    'TH_INSTR_ENV',
    'OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT must be true or false',
  );
  return undefined;
}

/** The mode the environment asks for; off (the conventions' default) when it asks for none. */
export function captureModeFromEnv(env: NodeJS.ProcessEnv = process.env): CaptureMode {
  return captureModeInEnv(env) ?? 'off';
}

export function createContentPolicy(opts: ContentPolicyOptions = {}): ContentPolicy {
  let mode = opts.mode ?? captureModeFromEnv();
  const key = opts.hmacKey ?? process.env.TRACEHOUND_HMAC_KEY;
  // Hashing without a key would be a plain hash (dictionary-attackable): capture nothing instead, and say so.
  if (mode === 'hashed' && !key) {
    warnOnce('hashed-without-key', 'TH_INSTR_HASH_NO_KEY', 'set hmacKey or TRACEHOUND_HMAC_KEY, or another mode');
    mode = 'off';
  }
  const maxLength = Math.max(MIN_MAX_LENGTH, opts.maxLength ?? DEFAULT_MAX_CONTENT_LENGTH);
  const redact = opts.redact ?? redactText;
  let text: (v: string) => string;
  switch (mode) {
    case 'redacted':
      text = redact;
      break;
    case 'hashed':
      text = (v) => hmacText(key as string | Buffer, v);
      break;
    default:
      text = (v) => v;
  }
  return { mode, maxLength, text };
}

function transformPart(p: Part, f: (s: string) => string): Part {
  switch (p.type) {
    case 'text':
    case 'reasoning':
      return { ...p, content: f(p.content) };
    case 'tool_call':
      return p.arguments === undefined ? p : { ...p, arguments: f(p.arguments) };
    case 'tool_call_response':
      return { ...p, response: f(p.response) };
    case 'uri':
      return { ...p, uri: f(p.uri) };
    default:
      return p;
  }
}

export function applyToParts(parts: Part[], policy: ContentPolicy): Part[] {
  if (policy.mode === 'full') return parts;
  return parts.map((p) => transformPart(p, policy.text));
}

export function applyToMessages(messages: GenAiMessage[], policy: ContentPolicy): GenAiMessage[] {
  if (policy.mode === 'full') return messages;
  return messages.map((m) => ({ ...m, parts: applyToParts(m.parts, policy) }));
}

export interface Serialized {
  json: string;
  truncated: boolean;
}

/**
 * JSON of the messages within maxLength. Keeps the longest prefix of whole parts that fits (a message that loses all
 * its parts is dropped); if not even the first part fits, its text is cut so the result is still valid JSON.
 */
export function serializeMessages(messages: GenAiMessage[], maxLength: number): Serialized {
  const full = JSON.stringify(messages);
  if (full.length <= maxLength) return { json: full, truncated: false };
  const kept: GenAiMessage[] = [];
  let used = 2; // []
  outer: for (const m of messages) {
    const shell = JSON.stringify({ ...m, parts: [] }).length + 1; // + comma
    if (used + shell > maxLength) break;
    const parts: Part[] = [];
    let size = used + shell;
    for (const p of m.parts) {
      const len = JSON.stringify(p).length + 1;
      if (size + len > maxLength) {
        if (parts.length) kept.push({ ...m, parts });
        break outer;
      }
      parts.push(p);
      size += len;
    }
    kept.push({ ...m, parts });
    used = size;
  }
  if (kept.length === 0 && messages.length > 0) {
    const first = messages[0];
    const part = first.parts[0];
    const room = Math.max(0, maxLength - 200);
    kept.push({ ...first, parts: part ? [shortenPart(part, room)] : [] });
  }
  let json = JSON.stringify(kept);
  // The estimate above is exact for ASCII; loop defensively for the rest.
  while (json.length > maxLength && kept.length > 0) {
    const last = kept[kept.length - 1];
    if (last.parts.length > 1) kept[kept.length - 1] = { ...last, parts: last.parts.slice(0, -1) };
    else kept.pop();
    json = JSON.stringify(kept);
  }
  return { json, truncated: true };
}

/** JSON of a flat part list (system instructions) within maxLength, dropping whole parts from the end. */
export function serializeParts(parts: Part[], maxLength: number): Serialized {
  const full = JSON.stringify(parts);
  if (full.length <= maxLength) return { json: full, truncated: false };
  const kept: Part[] = [];
  let used = 2;
  for (const p of parts) {
    const len = JSON.stringify(p).length + 1;
    if (used + len > maxLength) break;
    kept.push(p);
    used += len;
  }
  if (kept.length === 0 && parts.length > 0) kept.push(shortenPart(parts[0], Math.max(0, maxLength - 100)));
  let json = JSON.stringify(kept);
  while (json.length > maxLength && kept.length > 0) {
    kept.pop();
    json = JSON.stringify(kept);
  }
  return { json, truncated: true };
}

function shortenPart(p: Part, room: number): Part {
  const cut = (s: string) => s.slice(0, room);
  switch (p.type) {
    case 'text':
    case 'reasoning':
      return { ...p, content: cut(p.content) };
    case 'tool_call':
      return { ...p, arguments: p.arguments === undefined ? undefined : cut(p.arguments) };
    case 'tool_call_response':
      return { ...p, response: cut(p.response) };
    default:
      return p;
  }
}

/** Truncates a single string attribute at maxLength (used for scalar content such as tool arguments). */
export function limitText(value: string, maxLength: number): Serialized {
  return value.length <= maxLength
    ? { json: value, truncated: false }
    : { json: value.slice(0, maxLength), truncated: true };
}
