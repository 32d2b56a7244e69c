/**
 * @tracehound/core — what the processor and the instrumentation share: the normalized Interaction and Finding model,
 * span/log views and the batch a pipeline stage edits, the telemetry schema (every emitted field and how it lands in
 * each backend), the attribute names both sides use, and the privacy primitives (redaction, HMAC, secret and PII
 * formats, capture modes). No server dependency lives here.
 */
export * from './model/interaction.js';
export * from './model/finding.js';
export * from './telemetry/views.js';
export * from './telemetry/batch.js';
export * from './telemetry/fields.js';
export * from './telemetry/landing.js';
export { regexEngine } from './regex.js';
export { GlobSet, hostInList } from './scope/glob.js';
