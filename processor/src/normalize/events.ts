/**
 * Message content carried outside span attributes: span events and OTLP log records, in both GenAI event styles —
 * per-message events (`gen_ai.user.message`, `gen_ai.choice`, ...; body or `gen_ai.event.content`) and the current
 * `gen_ai.client.inference.operation.details` (messages as attributes) — plus the 1.26-era `gen_ai.content.prompt` /
 * `gen_ai.content.completion` span events.
 */
import type { Role, AttrValue, Attributes, LogView, SpanEventView } from '@tracehound/core';
import { str } from './attrs.js';
import { readCurrentContent, pushRaw, type ContentSink } from './genai.js';
import { readJson, readMaybeJson, type ParseCtx } from './json.js';
import { coerceMessage, coerceMessages, MAX_MESSAGES } from './messages.js';

export const EVENT_OPERATION_DETAILS = 'gen_ai.client.inference.operation.details';

const MESSAGE_EVENT_ROLES: ReadonlyMap<string, Role> = new Map([
  ['gen_ai.system.message', 'system'],
  ['gen_ai.user.message', 'user'],
  ['gen_ai.assistant.message', 'assistant'],
  ['gen_ai.tool.message', 'tool'],
]);

/** Event names whose records carry GenAI message content. */
export const CONTENT_EVENT_NAMES: ReadonlySet<string> = new Set([
  ...MESSAGE_EVENT_ROLES.keys(),
  'gen_ai.choice',
  EVENT_OPERATION_DETAILS,
  'gen_ai.content.prompt',
  'gen_ai.content.completion',
]);

/** The event name of a log record: the OTLP field, else the `event.name` attribute. */
export function logEventName(log: LogView): string | undefined {
  return log.eventName ?? str(log.attributes, 'event.name');
}

export function isContentLog(log: LogView): boolean {
  const n = logEventName(log);
  return n !== undefined && CONTENT_EVENT_NAMES.has(n);
}

export function isContentEvent(ev: SpanEventView): boolean {
  return CONTENT_EVENT_NAMES.has(ev.name);
}

/** Accumulated content from events or logs. */
export interface EventContent extends ContentSink {
  found: boolean;
}

export function newEventContent(): EventContent {
  return { input: [], output: [], found: false };
}

/** The message object of a per-message event: the log body, else `gen_ai.event.content`, else the attributes. */
function messageBody(body: AttrValue | undefined, attrs: Attributes, ctx: ParseCtx): { value?: unknown; raw?: string } {
  if (body !== undefined && body !== null && !(body instanceof Uint8Array)) {
    if (typeof body === 'string') return readMaybeJson(body, ctx);
    return { value: body };
  }
  const ec = attrs['gen_ai.event.content'];
  if (ec !== undefined) return readJson(ec, ctx);
  // Span-event form with plain attributes: {content, tool_calls, id, finish_reason, index, message}.
  const o: Record<string, unknown> = {};
  for (const k of ['content', 'tool_calls', 'id', 'finish_reason', 'index', 'message', 'role'] as const) {
    const v = attrs[k];
    if (v === undefined) continue;
    o[k] = typeof v === 'string' && (k === 'tool_calls' || k === 'message') ? readJson(v, ctx).value : v;
  }
  return { value: o };
}

/** Apply one event (span event or log record) to the accumulator. */
export function applyEvent(
  name: string,
  attrs: Attributes,
  body: AttrValue | undefined,
  acc: EventContent,
  ctx: ParseCtx,
): void {
  const role = MESSAGE_EVENT_ROLES.get(name);
  if (role) {
    acc.found = true;
    const r = messageBody(body, attrs, ctx);
    if (r.value !== undefined && acc.input.length < MAX_MESSAGES) {
      // The event name is authoritative for the role (bodies usually carry none).
      const v = r.value;
      const obj =
        typeof v === 'object' && v !== null && !Array.isArray(v)
          ? { ...(v as Record<string, unknown>), role }
          : { role, content: v };
      coerceMessage(obj, role, acc.input);
    }
    pushRaw(r.raw, role, acc.input);
    return;
  }
  switch (name) {
    case 'gen_ai.choice': {
      acc.found = true;
      const r = messageBody(body, attrs, ctx);
      if (r.value !== undefined) coerceMessage(r.value, 'assistant', acc.output);
      pushRaw(r.raw, 'assistant', acc.output);
      return;
    }
    case EVENT_OPERATION_DETAILS: {
      if (readCurrentContent(attrs, acc, ctx)) acc.found = true;
      return;
    }
    case 'gen_ai.content.prompt': {
      acc.found = true;
      const r = readJson(attrs['gen_ai.prompt'], ctx);
      if (r.value !== undefined) coerceMessages(r.value, 'unknown', acc.input);
      pushRaw(r.raw, 'unknown', acc.input);
      return;
    }
    case 'gen_ai.content.completion': {
      acc.found = true;
      const r = readJson(attrs['gen_ai.completion'], ctx);
      if (r.value !== undefined) coerceMessages(r.value, 'assistant', acc.output);
      pushRaw(r.raw, 'assistant', acc.output);
      return;
    }
    default:
      return;
  }
}

/** Content from a span's own events. */
export function contentFromSpanEvents(events: readonly SpanEventView[], ctx: ParseCtx): EventContent {
  const acc = newEventContent();
  for (const ev of events)
    if (CONTENT_EVENT_NAMES.has(ev.name)) applyEvent(ev.name, ev.attributes, undefined, acc, ctx);
  return acc;
}

/** Content from correlated log records, in time order (stable for equal timestamps). */
export function contentFromLogs(
  logs: readonly LogView[],
  ctx: ParseCtx,
  acc: EventContent = newEventContent(),
): EventContent {
  const sorted =
    logs.length > 1 ? [...logs].sort((a, b) => (a.timeNs < b.timeNs ? -1 : a.timeNs > b.timeNs ? 1 : 0)) : logs;
  for (const log of sorted) {
    const name = logEventName(log);
    if (name && CONTENT_EVENT_NAMES.has(name)) applyEvent(name, log.attributes, log.body, acc, ctx);
  }
  return acc;
}

/** Fill what inline attributes did not provide (inline content wins; events never duplicate it). */
export function mergeContent(target: ContentSink, acc: EventContent): void {
  if (!acc.found) return;
  if (target.input.length === 0 && acc.input.length > 0) target.input = acc.input;
  if (target.output.length === 0 && acc.output.length > 0) target.output = acc.output;
  if (!target.systemInstructions && acc.systemInstructions) target.systemInstructions = acc.systemInstructions;
}
