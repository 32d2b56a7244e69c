import type { GuardChannel } from './types.js';

/**
 * Thrown (or returned as a rejected promise) when the in-process guard in enforce mode blocks a prompt or an output.
 * Carries rule ids and severity, never the blocked text.
 */
/** The processor's verdict behind a block: decision, target ("session:s-1"), reason, and when it ends. */
export interface BlockingVerdict {
  decision: 'throttle' | 'block';
  target?: string;
  reason: string;
  expiresAt?: number;
}

export class TracehoundBlockedError extends Error {
  readonly code = 'TRACEHOUND_BLOCKED';
  /** What was blocked: a prompt, an output, or a tool call (guard.checkTool). */
  readonly channel: GuardChannel | 'tool_call';
  readonly ruleIds: readonly string[];
  readonly severity: string;
  /** True when the block comes from failClosed after an analyzer failure rather than from a detection. */
  readonly guardFailure: boolean;
  /** Set when the processor's verdict API (not content analysis) refused the call. */
  readonly verdict?: BlockingVerdict;

  constructor(
    channel: GuardChannel | 'tool_call',
    ruleIds: readonly string[],
    severity: string,
    guardFailure = false,
    verdict?: BlockingVerdict,
  ) {
    super(
      verdict
        ? guardFailure
          ? 'Tracehound guard has no fresh verdict for this identity and is configured to fail closed'
          : `Tracehound verdict: ${verdict.decision} ${verdict.target ?? ''} (rule ${ruleIds.join(', ') || 'unknown'})`
        : guardFailure
          ? `Tracehound guard could not analyze the ${channel} and is configured to fail closed`
          : `Tracehound guard blocked the ${channel} (rules: ${ruleIds.join(', ') || 'unknown'})`,
    );
    if (verdict) this.verdict = Object.freeze({ ...verdict });
    this.name = 'TracehoundBlockedError';
    this.channel = channel;
    this.ruleIds = Object.freeze([...ruleIds]);
    this.severity = severity;
    this.guardFailure = guardFailure;
  }
}

export function isTracehoundBlockedError(err: unknown): err is TracehoundBlockedError {
  return err instanceof TracehoundBlockedError || (err as { code?: unknown } | null)?.code === 'TRACEHOUND_BLOCKED';
}
