/**
 * In-process guard: asks the processor's verdict API whether the caller's session / user / API key may proceed
 * (cached, see verdict-client.ts), analyzes the prompt before the model call and the output before it reaches the app.
 * Flagged text is blocked or redacted (actions.ts). Shadow mode only records what would have been blocked or redacted;
 * enforce mode throws TracehoundBlockedError or has the caller replace the text. The analyzer's own failures fail open
 * unless failClosed is set.
 */
import { context as otelContext, type Context } from '@opentelemetry/api';
import { getIdentity } from '../helpers/identity.js';
import { redactText } from '../content/privacy.js';
import { recordPolicyDecision } from '../helpers/policy.js';
import { TracehoundSetupError } from '../codes.js';
import { internalError } from '../safe.js';
import { createActionResolver } from './actions.js';
import { TracehoundBlockedError } from './errors.js';
import type { GuardAction, GuardChannel, GuardMode, GuardOptions, GuardVerdict } from './types.js';
import type { VerdictAnswer, VerdictQuery } from './verdict-client.js';
import { outsideTaskScope, type ToolRequest } from './task-scope.js';

export interface Guard {
  readonly mode: GuardMode;
  readonly failClosed: boolean;
  /** Pure verdict; never throws, records nothing. */
  evaluate(text: string, channel: GuardChannel): GuardVerdict;
  /**
   * Verdict plus side effects: a policy-decision span when the text would be blocked or redacted, and in enforce mode
   * a thrown TracehoundBlockedError. For a redact verdict in enforce mode, `applyRedaction` (when given) replaces the
   * text where it lives (the SDK request or response) and returns false when it cannot, which turns into a block;
   * without it the caller uses `verdict.redactedText`.
   */
  check(text: string, channel: GuardChannel, parent?: Context, applyRedaction?: () => boolean): GuardVerdict;
  /** The redactor the redact action uses (secrets and personal data masked). */
  readonly redactor: (text: string) => string;
  /** Enforce mode and the action policy can redact outputs: streamed answers are held back until complete. */
  readonly redactsOutput: boolean;
  /** Most stream chunks held back for output redaction. */
  readonly maxBufferedChunks: number;
  /**
   * Asks the verdict source (when configured) whether an identity may proceed; `check` does this for the identity in
   * the context before every prompt. Call it yourself before running a tool: `checkAccess({ tool: 'shell' })`.
   * Records a policy decision when refused; in enforce mode throws TracehoundBlockedError.
   */
  checkAccess(query: VerdictQuery, parent?: Context): VerdictAnswer | undefined;
  /**
   * Call before running a tool: checks it against the task scope the identity in the context declares (allowed tools,
   * allowed egress) and asks the verdict source about the tool. Outside the scope it records a policy decision (deny,
   * target `tool:<name>` or `host:<host>`) and, in enforce mode, throws TracehoundBlockedError. Returns whether the
   * call is inside the scope.
   */
  checkTool(request: ToolRequest, parent?: Context): boolean;
}

const DEFAULT_MAX_TEXT = 256 * 1024;
const MAX_THROTTLED = 10_000;
const PASS: GuardVerdict = Object.freeze({
  wouldBlock: false,
  blocked: false,
  ruleIds: [],
  severity: 'none',
}) as GuardVerdict;

export function createGuard(opts: GuardOptions): Guard {
  if (!opts.analyzer && !opts.verdicts && !opts.scopeOnly)
    throw new TracehoundSetupError(
      'TH_GUARD_NO_ANALYZER',
      'pass analyzer (await loadProcessorAnalyzer() with @tracehound/processor installed, or your own) and/or verdicts (createVerdictClient())',
    );
  const mode = opts.mode;
  const failClosed = opts.failClosed ?? false;
  const analyzer = opts.analyzer;
  const maxText = opts.maxTextLength ?? DEFAULT_MAX_TEXT;
  const verdicts = opts.verdicts;
  const throttleMs = opts.throttleIntervalMs ?? 1000;
  const clock = opts.clock ?? Date.now;
  const actions = createActionResolver(opts.action);
  const redactor = opts.redact ?? redactText;
  const redactsOutput = mode === 'enforce' && actions.mayRedact('output');
  const maxBufferedChunks = Math.max(1, opts.maxBufferedChunks ?? 16_384);
  /** Last call let through per throttled target (bounded: oldest dropped). */
  const throttled = new Map<string, number>();

  function evaluate(text: string, channel: GuardChannel): GuardVerdict {
    if (!text || !analyzer) return PASS;
    try {
      const r = analyzer.analyze(text.length > maxText ? text.slice(0, maxText) : text, channel);
      if (!r || !r.blocked) return PASS;
      const ruleIds = Array.isArray(r.ruleIds) ? r.ruleIds.map(String) : [];
      const severity = String(r.severity ?? 'unknown');
      let action: GuardAction = actions.resolve(channel, Array.isArray(r.findings) ? r.findings : undefined);
      let redactedText: string | undefined;
      if (action === 'redact') {
        redactedText = tryRedact(text, channel);
        if (redactedText === undefined) action = 'block';
      }
      if (action === 'block') return { wouldBlock: true, blocked: mode === 'enforce', ruleIds, severity };
      return {
        wouldBlock: false,
        blocked: false,
        wouldRedact: true,
        redact: mode === 'enforce',
        redactedText,
        ruleIds,
        severity,
      };
    } catch (err) {
      internalError('guard analyzer', err);
      if (!failClosed) return PASS;
      return {
        wouldBlock: true,
        blocked: mode === 'enforce',
        ruleIds: ['tracehound.guard.error'],
        severity: 'unknown',
        error: true,
      };
    }
  }

  /**
   * The redacted text, or undefined when redaction does not help: the redactor failed, changed nothing (it masks only
   * secrets and personal data), or the redacted text is still flagged. The caller then blocks instead.
   */
  function tryRedact(text: string, channel: GuardChannel): string | undefined {
    try {
      const out = redactor(text);
      if (typeof out !== 'string' || out === text) return undefined;
      const again = analyzer!.analyze(out.length > maxText ? out.slice(0, maxText) : out, channel);
      return again?.blocked ? undefined : out;
    } catch (err) {
      internalError('guard redaction', err);
      return undefined;
    }
  }

  /** Whether a throttle verdict still lets this call through (one per interval per target). */
  function throttlePasses(target: string): boolean {
    const now = clock();
    const last = throttled.get(target);
    if (last !== undefined && now - last < throttleMs) return false;
    throttled.delete(target);
    if (throttled.size >= MAX_THROTTLED) throttled.delete(throttled.keys().next().value as string);
    throttled.set(target, now);
    return true;
  }

  function checkAccess(query: VerdictQuery, parent?: Context): VerdictAnswer | undefined {
    if (!verdicts) return undefined;
    let a: VerdictAnswer;
    try {
      a = verdicts.lookup(query);
    } catch (err) {
      internalError('verdict lookup', err);
      return undefined;
    }
    if (a.decision === 'allow') return a;
    if (a.decision === 'throttle' && throttlePasses(a.target ?? 'identity')) return a;
    const rule = a.rule ?? 'tracehound.verdict';
    const enforced = mode === 'enforce';
    recordPolicyDecision(
      {
        rule,
        decision: 'deny',
        enforced,
        reason: `verdict API: ${a.decision}${a.target ? ` ${a.target}` : ''}${enforced ? '' : ' (shadow)'}: ${a.reason}`,
      },
      { context: parent },
    );
    if (enforced) {
      throw new TracehoundBlockedError('prompt', [rule], a.decision, a.source === 'fail-closed', {
        decision: a.decision,
        reason: a.reason,
        ...(a.target ? { target: a.target } : {}),
        ...(a.expiresAt !== undefined ? { expiresAt: a.expiresAt } : {}),
      });
    }
    return a;
  }

  function check(text: string, channel: GuardChannel, parent?: Context, applyRedaction?: () => boolean): GuardVerdict {
    if (channel === 'prompt' && verdicts) {
      const id = getIdentity(parent ?? otelContext.active());
      if (id) checkAccess({ session: id.session, user: id.user, apiKeyFingerprint: id.apiKeyFingerprint }, parent);
    }
    let v = evaluate(text, channel);
    if (v.wouldRedact) {
      const outcome = v.redact && applyRedaction ? applyOrFail(applyRedaction) : 'applied';
      if (outcome === 'applied') {
        recordDecision(
          v,
          channel,
          'redact',
          v.redact === true,
          v.redact ? 'redacted' : 'would have been redacted (shadow)',
          parent,
        );
        return v;
      }
      if (outcome === 'failed-open') {
        recordDecision(v, channel, 'redact', false, 'redaction failed inside the guard (fail open)', parent);
        return { ...v, redact: false };
      }
      // The text cannot be rewritten where it lives (or redaction failed and the guard fails closed): block instead.
      v = {
        wouldBlock: true,
        blocked: true,
        ruleIds: v.ruleIds,
        severity: v.severity,
        ...(outcome === 'failed-closed' ? { error: true } : {}),
      };
    }
    if (!v.wouldBlock) return v;
    recordDecision(
      v,
      channel,
      'deny',
      v.blocked,
      v.error ? 'guard failure (fail closed)' : v.blocked ? 'blocked' : 'would have been blocked (shadow)',
      parent,
    );
    if (v.blocked) throw new TracehoundBlockedError(channel, v.ruleIds, v.severity, v.error === true);
    return v;
  }

  function applyOrFail(apply: () => boolean): 'applied' | 'impossible' | 'failed-open' | 'failed-closed' {
    try {
      return apply() ? 'applied' : 'impossible';
    } catch (err) {
      internalError('guard apply redaction', err);
      return failClosed ? 'failed-closed' : 'failed-open';
    }
  }

  function recordDecision(
    v: GuardVerdict,
    channel: GuardChannel,
    decision: string,
    enforced: boolean,
    what: string,
    parent?: Context,
  ): void {
    recordPolicyDecision(
      {
        rule: v.ruleIds.join(',') || 'tracehound.guard',
        decision,
        enforced,
        reason: v.error
          ? `${what} on ${channel}`
          : `${channel} ${what} by the in-process guard, severity ${v.severity}`,
      },
      { context: parent },
    );
  }

  function checkTool(request: ToolRequest, parent?: Context): boolean {
    const ctx = parent ?? otelContext.active();
    const id = getIdentity(ctx);
    let refusal;
    try {
      refusal = outsideTaskScope(id, request);
    } catch (err) {
      internalError('guard task scope', err);
      return true;
    }
    if (!refusal) {
      if (verdicts) checkAccess({ session: id?.session, user: id?.user, tool: request.name }, parent);
      return true;
    }
    const enforced = mode === 'enforce';
    recordPolicyDecision(
      {
        rule: refusal.rule,
        decision: 'deny',
        enforced,
        target: refusal.target,
        reason: `${refusal.reason}${enforced ? '' : ' (shadow)'}`,
      },
      { context: ctx },
    );
    if (enforced) throw new TracehoundBlockedError('tool_call', [refusal.rule], 'high');
    return false;
  }

  return { mode, failClosed, redactor, redactsOutput, maxBufferedChunks, evaluate, check, checkAccess, checkTool };
}
