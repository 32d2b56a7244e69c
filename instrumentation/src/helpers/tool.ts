/** Tool execution: an `execute_tool` span with arguments, result, target and the app's allow/deny decision. */
import { context, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { limitText } from '../content/capture.js';
import { runtime } from '../runtime.js';
import { internalError, safely } from '../safe.js';
import * as A from '@tracehound/core/attributes';
import { stampIdentity } from './identity.js';
import { targetAttributes, type ToolTarget } from './target.js';

export interface ToolSpec {
  name: string;
  /** The model's tool call id, to join the execution with the call that requested it. */
  callId?: string;
  description?: string;
  /** function | extension | datastore */
  type?: string;
  /** The arguments (a JSON string, or any value: it is JSON-encoded). Content: recorded per capture mode. */
  arguments?: unknown;
  /** Where the tool reaches: a URL string or {url, host, path}. Always recorded. */
  target?: ToolTarget | string;
  /** The app's decision on this call, and which rule made it. */
  decision?: 'allowed' | 'denied';
  rule?: string;
  /** Record the function's return value as the tool result (default true; content, per capture mode). */
  recordResult?: boolean;
}

export interface ToolScope {
  readonly span: Span;
  setDecision(decision: 'allowed' | 'denied', rule?: string): void;
  setTarget(target: ToolTarget | string): void;
  /** Records an explicit result (otherwise the function's return value is used). */
  setResult(result: unknown): void;
}

function toText(v: unknown): string {
  if (typeof v === 'string') return v;
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

function setContent(span: Span, key: string, value: unknown): void {
  const rt = runtime();
  if (rt.content.mode === 'off' || value === undefined) return;
  const r = limitText(rt.content.text(toText(value)), rt.content.maxLength);
  span.setAttribute(key, r.json);
  if (r.truncated) span.setAttribute(A.TH_CONTENT_TRUNCATED, true);
}

/**
 * Runs fn inside an `execute_tool {name}` span. fn's errors propagate unchanged (and mark the span); instrumentation
 * failures never reach fn or its caller.
 */
export function withTool<T>(spec: ToolSpec, fn: (scope: ToolScope) => T): T {
  let span: Span | undefined;
  let explicitResult = false;
  let scope: ToolScope | undefined;
  try {
    const rt = runtime();
    const parent = context.active();
    span = rt.tracer().startSpan(
      `${A.OP_EXECUTE_TOOL} ${spec.name}`,
      {
        kind: SpanKind.INTERNAL,
        attributes: {
          [A.GEN_AI_OPERATION_NAME]: A.OP_EXECUTE_TOOL,
          [A.GEN_AI_TOOL_NAME]: spec.name,
          ...(spec.callId ? { [A.GEN_AI_TOOL_CALL_ID]: spec.callId } : {}),
          ...(spec.description ? { [A.GEN_AI_TOOL_DESCRIPTION]: spec.description } : {}),
          [A.GEN_AI_TOOL_TYPE]: spec.type ?? 'function',
          ...(spec.decision ? { [A.TH_TOOL_DECISION]: spec.decision } : {}),
          ...(spec.rule ? { [A.TH_TOOL_DECISION_RULE]: spec.rule } : {}),
          ...targetAttributes(spec.target, rt.content),
        },
      },
      parent,
    );
    stampIdentity(span, parent);
    setContent(span, A.GEN_AI_TOOL_CALL_ARGUMENTS, spec.arguments);
    const s = span;
    scope = {
      span: s,
      setDecision: (d, rule) =>
        safely(
          'withTool.setDecision',
          () => s.setAttributes({ [A.TH_TOOL_DECISION]: d, ...(rule ? { [A.TH_TOOL_DECISION_RULE]: rule } : {}) }),
          undefined,
        ),
      setTarget: (t) =>
        safely('withTool.setTarget', () => s.setAttributes(targetAttributes(t, runtime().content)), undefined),
      setResult: (r) => {
        explicitResult = true;
        safely('withTool.setResult', () => setContent(s, A.GEN_AI_TOOL_CALL_RESULT, r), undefined);
      },
    };
  } catch (err) {
    internalError('withTool start', err);
    safely('withTool end', () => span?.end(), undefined);
    span = undefined;
  }
  if (!span || !scope) return fn(noopScope());

  const s = span;
  const done = (result: unknown): void =>
    safely(
      'withTool finish',
      () => {
        if (!explicitResult && spec.recordResult !== false) setContent(s, A.GEN_AI_TOOL_CALL_RESULT, result);
        s.end();
      },
      undefined,
    );
  const failed = (err: unknown): void =>
    safely(
      'withTool error',
      () => {
        markError(s, err);
        s.end();
      },
      undefined,
    );

  let out: T;
  try {
    out = context.with(trace.setSpan(context.active(), s), () => fn(scope));
  } catch (err) {
    failed(err);
    throw err;
  }
  if (out && typeof (out as { then?: unknown }).then === 'function') {
    // Observe without replacing the app's promise.
    (out as unknown as PromiseLike<unknown>).then(done, failed);
    return out;
  }
  done(out);
  return out;
}

export function markError(span: Span, err: unknown): void {
  const type = (err as { constructor?: { name?: string } } | null)?.constructor?.name ?? 'Error';
  span.setAttribute(A.ERROR_TYPE, type);
  span.setStatus({ code: SpanStatusCode.ERROR, message: type });
}

function noopScope(): ToolScope {
  const span = trace.wrapSpanContext({ traceId: '0'.repeat(32), spanId: '0'.repeat(16), traceFlags: 0 });
  return { span, setDecision: () => {}, setTarget: () => {}, setResult: () => {} };
}
