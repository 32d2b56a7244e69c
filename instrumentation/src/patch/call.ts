/**
 * The generic traced LLM call: start a GenAI span, run the prompt guard, call the SDK's original method inside the
 * span's context, and observe whatever it returns (APIPromise, Stream, plain promise) without replacing it.
 * Any instrumentation failure falls back to the original call.
 */
import {
  context,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import {
  applyToMessages,
  applyToParts,
  serializeMessages,
  serializeParts,
  type ContentPolicy,
} from '../content/capture.js';
import { partsText, type GenAiMessage, type RequestContent } from '../content/parts.js';
import { isTracehoundBlockedError, TracehoundBlockedError } from '../guard/errors.js';
import type { Guard } from '../guard/guard.js';
import { stampIdentity } from '../helpers/identity.js';
import type { OperationMapping, ResponseSummary } from '../mapping/types.js';
import { internalError, safely } from '../safe.js';
import * as A from '@tracehound/core/attributes';
import { instrumentApiPromise, isApiPromise } from './api-promise.js';
import { instrumentStream, isSdkStream } from './stream.js';

export interface CallSettings {
  tracer: Tracer;
  content: ContentPolicy;
  guard?: Guard;
  canaries?: string[];
}

const serverCache = new WeakMap<object, Attributes>();

/** server.address / server.port of the SDK client behind a resource object, cached per client. */
function serverAttributes(resource: unknown): Attributes {
  const client = (resource as { _client?: { baseURL?: unknown } } | null)?._client;
  if (!client || typeof client !== 'object') return {};
  let a = serverCache.get(client);
  if (a) return a;
  a = {};
  if (typeof client.baseURL === 'string') {
    try {
      const u = new URL(client.baseURL);
      a[A.SERVER_ADDRESS] = u.hostname;
      a[A.SERVER_PORT] = u.port ? Number(u.port) : u.protocol === 'http:' ? 80 : 443;
    } catch {
      // leave empty
    }
  }
  serverCache.set(client, a);
  return a;
}

function errorType(err: unknown): string {
  const e = err as { constructor?: { name?: string }; status?: unknown } | null;
  if (e && typeof e.status === 'number') return String(e.status);
  return e?.constructor?.name ?? 'Error';
}

/** The text a prompt guard reads: user turns and tool results (where indirect injection arrives). */
function promptText(content: RequestContent | undefined): string {
  if (!content) return '';
  let out = '';
  for (const m of content.messages) {
    if (m.role === 'assistant') continue;
    const t = partsText(m.parts);
    if (t) out = out ? `${out}\n${t}` : t;
  }
  return out;
}

function outputText(messages: GenAiMessage[] | undefined): string {
  if (!messages) return '';
  return messages
    .map((m) => partsText(m.parts))
    .filter(Boolean)
    .join('\n');
}

function redactMessages(messages: GenAiMessage[], f: (text: string) => string): GenAiMessage[] {
  return safely(
    'redact summary',
    () => applyToMessages(messages, { mode: 'redacted', maxLength: Infinity, text: f }),
    messages,
  );
}

/** A rejected promise carrying the APIPromise methods apps call, so a blocked call fails the same way everywhere. */
function rejected(err: Error): Promise<never> {
  const p = Promise.reject(err) as Promise<never> & Record<string, unknown>;
  for (const m of ['withResponse', 'asResponse', 'parse', '_thenUnwrap']) p[m] = () => p;
  return p;
}

class LlmCall {
  private done = false;
  private completed = false;

  constructor(
    readonly span: Span,
    readonly ctx: Context,
    private readonly settings: CallSettings,
    private readonly mapping: OperationMapping,
    private readonly provider: string,
    private readonly needContent: boolean,
  ) {}

  /** A parsed response or Stream arrived. Returns what the app gets (the same object). May throw a guard block. */
  complete(data: unknown): unknown {
    if (this.completed || this.done) return data;
    this.completed = true;
    let summary: ResponseSummary | undefined;
    const redaction = this.mapping.redaction;
    try {
      if (isSdkStream(data) && this.mapping.stream) {
        const acc = this.mapping.stream(this.needContent, this.provider);
        const guard = this.settings.guard;
        // Output redaction needs the whole answer before the app sees any of it: hold the stream back.
        const holdBack = guard?.redactsOutput && redaction ? { maxChunks: guard.maxBufferedChunks } : undefined;
        const ok = instrumentStream(
          data as object,
          {
            chunk: (c) => acc.push(c),
            end: (held) =>
              this.finish(
                safely('stream finish', () => acc.finish(), {}),
                false,
                (f) => {
                  // false (nothing rewritable, or nothing masked where the app reads it) turns the redaction into a block
                  return !!held && !!redaction && redaction.stream(held, f);
                },
              ),
            abort: (err) =>
              err === undefined
                ? this.finish(
                    safely('stream finish', () => acc.finish(), {}),
                    true,
                  )
                : this.fail(err),
          },
          { holdBack },
        );
        if (!ok) this.end();
        return data;
      }
      summary = this.mapping.response(data, this.needContent, this.provider);
    } catch (err) {
      internalError('response mapping', err);
      this.end();
      return data;
    }
    this.finish(summary, false, (f) => redaction?.response(data, f) ?? false);
    return data;
  }

  /**
   * Runs the output guard, records the summary and ends the span. Throws only TracehoundBlockedError. `redact`
   * rewrites the answer where the app will read it (false when it cannot).
   */
  finish(summary: ResponseSummary, abandoned = false, redact?: (f: (text: string) => string) => boolean): void {
    if (this.done) return;
    const guard = this.settings.guard;
    let text = '';
    if (guard && !abandoned) text = safely('output text', () => outputText(summary.output), '');
    let recorded = summary;
    if (text && guard) {
      try {
        const v = guard.check(text, 'output', this.ctx, () => (redact ? redact(guard.redactor) : false));
        // The span records what the app received.
        if (v.redact && summary.output)
          recorded = { ...summary, output: redactMessages(summary.output, guard.redactor) };
      } catch (err) {
        if (isTracehoundBlockedError(err)) {
          safely('response record', () => this.record(summary), undefined);
          this.fail(err);
          throw err;
        }
        internalError('output guard', err);
      }
    }
    safely('response record', () => this.record(recorded), undefined);
    this.end();
  }

  private record(s: ResponseSummary): void {
    const span = this.span;
    const a: Attributes = { ...s.attributes };
    if (s.responseModel) a[A.GEN_AI_RESPONSE_MODEL] = s.responseModel;
    if (s.responseId) a[A.GEN_AI_RESPONSE_ID] = s.responseId;
    if (s.finishReasons?.length) a[A.GEN_AI_RESPONSE_FINISH_REASONS] = s.finishReasons;
    const u = s.usage;
    if (u) {
      if (u.input !== undefined) a[A.GEN_AI_USAGE_INPUT_TOKENS] = u.input;
      if (u.output !== undefined) a[A.GEN_AI_USAGE_OUTPUT_TOKENS] = u.output;
      if (u.cacheRead !== undefined) a[A.GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS] = u.cacheRead;
      if (u.cacheCreation !== undefined) a[A.GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS] = u.cacheCreation;
      if (u.reasoning !== undefined) a[A.GEN_AI_USAGE_REASONING_OUTPUT_TOKENS] = u.reasoning;
    }
    if (s.moderation?.length) a[A.TH_MODERATION] = JSON.stringify(s.moderation.slice(0, 32));
    const policy = this.settings.content;
    if (policy.mode !== 'off' && s.output) {
      const r = serializeMessages(applyToMessages(s.output, policy), policy.maxLength);
      a[A.GEN_AI_OUTPUT_MESSAGES] = r.json;
      if (r.truncated) a[A.TH_CONTENT_TRUNCATED] = true;
    }
    span.setAttributes(a);
  }

  fail(err: unknown): void {
    if (this.done) return;
    safely(
      'call fail',
      () => {
        const type = isTracehoundBlockedError(err) ? 'TracehoundBlockedError' : errorType(err);
        this.span.setAttribute(A.ERROR_TYPE, type);
        this.span.setStatus({ code: SpanStatusCode.ERROR, message: type });
      },
      undefined,
    );
    this.end();
  }

  end(): void {
    if (this.done) return;
    this.done = true;
    safely('span end', () => this.span.end(), undefined);
  }
}

function startCall(
  settings: CallSettings,
  mapping: OperationMapping,
  resource: unknown,
  params: Record<string, unknown>,
): { call: LlmCall; prompt: string } {
  const needContent = settings.content.mode !== 'off' || !!settings.guard;
  const provider = mapping.provider(resource);
  const req = mapping.request(params, needContent);
  const parent = context.active();
  const attributes: Attributes = {
    [A.GEN_AI_OPERATION_NAME]: mapping.operation,
    [A.GEN_AI_PROVIDER_NAME]: provider,
    ...serverAttributes(resource),
    ...req.attributes,
  };
  if (req.model) attributes[A.GEN_AI_REQUEST_MODEL] = req.model;
  if (settings.canaries?.length) attributes[A.TH_CANARIES] = settings.canaries;
  const policy = settings.content;
  if (policy.mode !== 'off' && req.content) {
    let truncated = false;
    if (req.content.system.length) {
      const r = serializeParts(applyToParts(req.content.system, policy), policy.maxLength);
      attributes[A.GEN_AI_SYSTEM_INSTRUCTIONS] = r.json;
      truncated ||= r.truncated;
    }
    const r = serializeMessages(applyToMessages(req.content.messages, policy), policy.maxLength);
    attributes[A.GEN_AI_INPUT_MESSAGES] = r.json;
    truncated ||= r.truncated;
    if (truncated) attributes[A.TH_CONTENT_TRUNCATED] = true;
  }
  const name = req.model ? `${mapping.operation} ${req.model}` : mapping.operation;
  const span = settings.tracer.startSpan(name, { kind: SpanKind.CLIENT, attributes }, parent);
  stampIdentity(span, parent);
  const call = new LlmCall(span, trace.setSpan(parent, span), settings, mapping, provider, needContent);
  return { call, prompt: settings.guard ? promptText(req.content) : '' };
}

/** With content capture on, the span's input is what was sent: re-record it after the prompt was redacted. */
function recordRedactedPrompt(
  settings: CallSettings,
  mapping: OperationMapping,
  call: LlmCall,
  params: Record<string, unknown>,
): void {
  const policy = settings.content;
  if (policy.mode === 'off') return;
  safely(
    'record redacted prompt',
    () => {
      const content = mapping.request(params, true).content;
      if (!content) return;
      const r = serializeMessages(applyToMessages(content.messages, policy), policy.maxLength);
      call.span.setAttribute(A.GEN_AI_INPUT_MESSAGES, r.json);
      if (r.truncated) call.span.setAttribute(A.TH_CONTENT_TRUNCATED, true);
    },
    undefined,
  );
}

/** Calls `original` on behalf of the app, traced. The returned value is always what `original` returned. */
export function tracedCall(
  settings: CallSettings,
  mapping: OperationMapping,
  original: (...a: unknown[]) => unknown,
  resource: unknown,
  args: unknown[],
): unknown {
  const params = args[0];
  if (!params || typeof params !== 'object') return original.apply(resource, args);
  let started: { call: LlmCall; prompt: string } | undefined;
  try {
    started = startCall(settings, mapping, resource, params as Record<string, unknown>);
  } catch (err) {
    internalError('span start', err);
  }
  if (!started) return original.apply(resource, args);
  const { call } = started;

  let callArgs = args;
  const guard = settings.guard;
  if (started.prompt && guard) {
    try {
      const v = guard.check(started.prompt, 'prompt', call.ctx, () => {
        const redaction = mapping.redaction;
        if (!redaction) return false;
        const next = redaction.request(params as Record<string, unknown>, guard.redactor);
        if (next === params) return false; // nothing masked where the provider reads it: block instead
        callArgs = [next, ...args.slice(1)];
        return true;
      });
      if (v.redact && callArgs !== args)
        recordRedactedPrompt(settings, mapping, call, callArgs[0] as Record<string, unknown>);
    } catch (err) {
      if (err instanceof TracehoundBlockedError || isTracehoundBlockedError(err)) {
        call.fail(err);
        return rejected(err as Error);
      }
      internalError('prompt guard', err);
    }
  }

  let result: unknown;
  try {
    result = context.with(call.ctx, () => original.apply(resource, callArgs));
  } catch (err) {
    call.fail(err);
    throw err;
  }

  try {
    if (isApiPromise(result)) {
      instrumentApiPromise(result, {
        parsed: (data) => call.complete(data),
        failed: (err) => call.fail(err),
        rawOnly: () => call.end(),
      });
      return result;
    }
    if (result && typeof (result as PromiseLike<unknown>).then === 'function') {
      // Not an SDK promise (an older or unknown SDK): a plain promise is returned for a plain promise.
      return (result as PromiseLike<unknown>).then(
        (data) => call.complete(data),
        (err: unknown) => {
          call.fail(err);
          throw err;
        },
      );
    }
    return call.complete(result);
  } catch (err) {
    if (isTracehoundBlockedError(err)) throw err;
    internalError('observe result', err);
    call.end();
    return result;
  }
}
