/**
 * Capture modes for content carried outside span and log attributes: span event attributes (older GenAI conventions,
 * Azure/Semantic Kernel style `gen_ai.event.content`, OpenLLMetry `db.query.result` events) and log record bodies
 * (`gen_ai.user.message`, `gen_ai.choice`, ... put the message in the body as a kvlist or a string).
 */
import type { AttrValue, Attributes } from '../telemetry/views.js';
import { applyCaptureToValue, isContentAttribute, type CaptureMode } from './capture.js';

/**
 * Event names of records that carry GenAI message content. The same list as normalize/events.ts (a test holds them
 * equal): kept here so privacy stays a leaf module (it is also the instrumentation's light entry point).
 */
export const CAPTURE_EVENT_NAMES: ReadonlySet<string> = new Set([
  'gen_ai.system.message',
  'gen_ai.user.message',
  'gen_ai.assistant.message',
  'gen_ai.tool.message',
  'gen_ai.choice',
  'gen_ai.client.inference.operation.details',
  'gen_ai.content.prompt',
  'gen_ai.content.completion',
]);

/** Event attributes that hold message content inside a GenAI content event (names in CAPTURE_EVENT_NAMES). */
const EVENT_CONTENT_KEYS: ReadonlySet<string> = new Set([
  'gen_ai.event.content',
  'content',
  'message',
  'tool_calls',
  'arguments',
  'result',
  'text',
  'parts',
]);

/** Event attributes that are content in any event. */
const ANY_EVENT_CONTENT_KEYS: ReadonlySet<string> = new Set(['db.query.result.document']);

export interface EventLike {
  name: string;
  attributes: Attributes;
}

export interface LogLike {
  eventName?: string;
  attributes: Attributes;
  body: AttrValue;
}

function isEventContentKey(eventName: string, key: string): boolean {
  return (
    isContentAttribute(key) ||
    ANY_EVENT_CONTENT_KEYS.has(key) ||
    (CAPTURE_EVENT_NAMES.has(eventName) && EVENT_CONTENT_KEYS.has(key))
  );
}

/**
 * Apply a capture mode to one span event's attributes. Returns only the attributes that changed (ready for
 * TraceBatch.setSpanEventAttributes); an empty object when nothing changes. Never throws.
 */
export function applyCaptureToEvent(mode: CaptureMode, event: EventLike, hashKey?: string | Buffer): Attributes {
  const changed: Attributes = Object.create(null) as Attributes;
  if (mode === 'full' || !event?.attributes) return changed;
  for (const [k, v] of Object.entries(event.attributes)) {
    if (!isEventContentKey(event.name, k)) continue;
    const next = applyCaptureToValue(mode, v, hashKey);
    if (next !== v) changed[k] = next;
  }
  return changed;
}

/** The event name of a log record: the OTLP field, else the `event.name` attribute. */
function eventNameOf(log: LogLike): string | undefined {
  if (log.eventName) return log.eventName;
  const n = log.attributes?.['event.name'];
  return typeof n === 'string' ? n : undefined;
}

/**
 * Apply a capture mode to the body of a GenAI content log record (by event name; other records are application logs
 * and keep their body). Returns the new body (for LogBatch.setLogBody), or undefined when it stays as it is. Never throws.
 */
export function applyCaptureToLogBody(
  mode: CaptureMode,
  log: LogLike,
  hashKey?: string | Buffer,
): AttrValue | undefined {
  if (mode === 'full' || !log || log.body === null || log.body === undefined) return undefined;
  const name = eventNameOf(log);
  if (name === undefined || !CAPTURE_EVENT_NAMES.has(name)) return undefined;
  const next = applyCaptureToValue(mode, log.body, hashKey);
  return next === log.body ? undefined : next;
}
