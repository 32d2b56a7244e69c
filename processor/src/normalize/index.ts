/**
 * Normalization entry point: pick the span's dialect from its attribute keys and scope name (one pass over the keys,
 * so the plain HTTP/DB spans that make up most traffic cost almost nothing), map it into an Interaction, then fill
 * what every dialect shares: content from span events and correlated log records, identity, moderation verdicts,
 * tool targets. Never throws.
 */
import type { Interaction, LogView, SpanView } from '@tracehound/core';
import { contentFromLogs, contentFromSpanEvents, logEventName, mergeContent, newEventContent } from './events.js';
import { baseInteraction, readModel } from './genai.js';
import { readIdentity } from './identity.js';
import type { ParseCtx } from './json.js';
import { readModeration } from './moderation.js';
import { normalizeOpenInference } from './openinference.js';
import { normalizeOpenLit } from './openlit.js';
import { normalizeOpenLlmetry } from './openllmetry.js';
import { normalizeOtelGenAi } from './otel-genai.js';
import { normalizeOtelGenAiLegacy } from './otel-genai-legacy.js';
import { applyCallError } from './call-error.js';
import { readGuardrailEvidence } from './guardrail.js';
import { normalizeProviderApi } from './provider-api.js';
import { inferToolTarget } from './tool-target.js';
import { isTracehoundInputKey, normalizeTracehound } from './tracehound.js';
import { normalizeVercelAi } from './vercel-ai.js';

export interface NormalizeResult {
  /** null: not an LLM / agent / tool / retrieval / policy / auth span. */
  interaction: Interaction | null;
  /** Content attributes that could not be parsed (malformed, truncated or oversized JSON). */
  parseErrors: number;
  dialect?: string;
  /** The normalizer failed on the span (not a parse error it expected): it goes on unscanned (TH_NORMALIZE_FAILED). */
  failed?: true;
  /** What the normalizer threw, when it failed (its class name may be logged, never its message). */
  cause?: unknown;
}

export type Dialect =
  'otel_genai' | 'otel_genai_legacy' | 'openllmetry' | 'openinference' | 'vercel_ai' | 'openlit' | 'tracehound';

/** Which key families a span carries (one pass over the keys). */
interface KeyFlags {
  genai: boolean;
  llm: boolean;
  ai: boolean;
  traceloop: boolean;
  tracehound: boolean;
  openinference: boolean;
}

function scanKeys(attrs: SpanView['attributes']): KeyFlags {
  const f: KeyFlags = {
    genai: false,
    llm: false,
    ai: false,
    traceloop: false,
    tracehound: false,
    openinference: false,
  };
  for (const k in attrs) {
    switch (k.charCodeAt(0)) {
      case 103: // g
        if (!f.genai && k.startsWith('gen_ai.')) f.genai = true;
        break;
      case 108: // l
        if (!f.llm && k.startsWith('llm.')) f.llm = true;
        break;
      case 97: // a
        if (!f.ai && k.startsWith('ai.')) f.ai = true;
        break;
      case 116: // t
        if (!f.traceloop && k.startsWith('traceloop.')) f.traceloop = true;
        else if (!f.tracehound && k.startsWith('tracehound.') && isTracehoundInputKey(k)) f.tracehound = true;
        break;
      case 111: // o
        if (k === 'openinference.span.kind') f.openinference = true;
        break;
      default:
        break;
    }
  }
  return f;
}

function hasGenAiEvent(span: SpanView): boolean {
  for (const e of span.events) if (e.name.startsWith('gen_ai.')) return true;
  return false;
}

/** The dialect of a span, or undefined for a span that is not a GenAI one. */
export function detectDialect(span: SpanView): Dialect | undefined {
  const a = span.attributes;
  const f = scanKeys(a);
  const scope = span.scope?.name ?? '';
  if (f.openinference) return 'openinference';
  if (f.tracehound || scope.startsWith('@tracehound/')) return 'tracehound';
  if (f.ai && (scope === 'ai' || a['ai.operationId'] !== undefined || span.name.startsWith('ai.'))) return 'vercel_ai';
  if (f.traceloop || scope.startsWith('@traceloop/') || (f.llm && a['llm.request.type'] !== undefined))
    return 'openllmetry';
  if (!f.genai) return hasGenAiEvent(span) ? 'otel_genai_legacy' : undefined;
  if (scope === 'openlit' || a['telemetry.sdk.name'] === 'openlit' || a['gen_ai.application_name'] !== undefined)
    return 'openlit';
  if (
    a['gen_ai.provider.name'] !== undefined ||
    (a['gen_ai.system'] === undefined && a['gen_ai.input.messages'] !== undefined)
  ) {
    return 'otel_genai';
  }
  return 'otel_genai_legacy';
}

const NORMALIZERS: Record<Dialect, (span: SpanView, ctx: ParseCtx) => Interaction | null> = {
  otel_genai: normalizeOtelGenAi,
  otel_genai_legacy: normalizeOtelGenAiLegacy,
  openllmetry: normalizeOpenLlmetry,
  openinference: normalizeOpenInference,
  vercel_ai: normalizeVercelAi,
  openlit: normalizeOpenLit,
  tracehound: normalizeTracehound,
};

function finish(ix: Interaction, ctx: ParseCtx, attrs: SpanView['attributes'], resource: SpanView['resource']): void {
  ix.identity = readIdentity(attrs, resource);
  readModeration(attrs, ix, ctx);
  readGuardrailEvidence(attrs, ix);
  if (ix.tool) inferToolTarget(ix.tool);
  if (ctx.errors > 0) ix.parseErrors = ctx.errors;
}

/**
 * Normalize one span (with the GenAI content log records correlated to it, if any) into an Interaction.
 * Never throws: an unexpected failure yields `interaction: null`, `failed: true` and one more parse error.
 */
export function normalizeSpan(span: SpanView, logs?: readonly LogView[]): NormalizeResult {
  const ctx: ParseCtx = { errors: 0 };
  let dialect: Dialect | undefined;
  try {
    dialect = detectDialect(span);
    if (!dialect) return providerApiResult(span);
    const ix = NORMALIZERS[dialect](span, ctx);
    if (!ix)
      return ctx.errors === 0 ? providerApiResult(span) : { interaction: null, parseErrors: ctx.errors, dialect };
    if (span.events.length > 0 || (logs && logs.length > 0)) {
      const acc = span.events.length > 0 ? contentFromSpanEvents(span.events, ctx) : newEventContent();
      if (logs && logs.length > 0) contentFromLogs(logs, ctx, acc);
      mergeContent(ix, acc);
    }
    finish(ix, ctx, span.attributes, span.resource);
    applyCallError(span, ix);
    return { interaction: ix, parseErrors: ctx.errors, dialect };
  } catch (err) {
    return {
      interaction: null,
      parseErrors: ctx.errors + 1,
      failed: true,
      cause: err,
      ...(dialect ? { dialect } : {}),
    };
  }
}

/** A non-GenAI span: a provider management call (model listing) becomes a provider_api Interaction, else null. */
function providerApiResult(span: SpanView): NormalizeResult {
  const ix = normalizeProviderApi(span);
  if (!ix) return { interaction: null, parseErrors: 0 };
  ix.identity = readIdentity(span.attributes, span.resource);
  applyCallError(span, ix);
  return { interaction: ix, parseErrors: 0, dialect: ix.dialect };
}

/**
 * An Interaction from log records alone, for logs whose span never arrived (LogCorrelator.drainExpired): the engine
 * scores what it has. Span name and timing come from the records; kind is llm_call.
 */
export function normalizeLogs(logs: readonly LogView[]): NormalizeResult {
  const ctx: ParseCtx = { errors: 0 };
  try {
    if (logs.length === 0) return { interaction: null, parseErrors: 0 };
    const first = logs[0];
    let start = first.timeNs;
    let end = first.timeNs;
    for (const l of logs) {
      if (l.timeNs < start) start = l.timeNs;
      if (l.timeNs > end) end = l.timeNs;
    }
    const current = logs.some((l) => logEventName(l) === 'gen_ai.client.inference.operation.details');
    const dialect: Dialect = current ? 'otel_genai' : 'otel_genai_legacy';
    const pseudo: SpanView = {
      traceId: first.traceId ?? '',
      spanId: first.spanId ?? '',
      name: '',
      kind: 0,
      startNs: start,
      endNs: end,
      attributes: first.attributes,
      events: [],
      resource: first.resource,
      scope: first.scope,
    };
    const ix = baseInteraction(pseudo, 'llm_call', dialect);
    readModel(first.attributes, ix);
    const acc = contentFromLogs(logs, ctx);
    if (!acc.found) return { interaction: null, parseErrors: ctx.errors, dialect };
    mergeContent(ix, acc);
    finish(ix, ctx, first.attributes, first.resource);
    return { interaction: ix, parseErrors: ctx.errors, dialect };
  } catch {
    return { interaction: null, parseErrors: ctx.errors + 1 };
  }
}

export { LogCorrelator } from './correlator.js';
