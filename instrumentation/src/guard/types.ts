import type { VerdictAnswer, VerdictQuery } from './verdict-client.js';

/** The contract between the in-process guard and whatever analyzes text (the processor's detectors, or a test stub). */

export type GuardChannel = 'prompt' | 'output';

/** One detection behind a verdict: enough to choose an action (the processor's findings map onto this). */
export interface AnalyzerFinding {
  ruleId: string;
  /** e.g. prompt_injection, secret_leak, pii_leak (the processor's FindingCategory). */
  category?: string;
  severity?: string;
  channel?: string;
}

export interface AnalyzerResult {
  /** The text is flagged: the guard blocks or redacts it (by its action policy). */
  blocked: boolean;
  ruleIds: string[];
  severity: string;
  /** Optional detail; lets the action policy tell a leaked secret (redact) from an injection (block). */
  findings?: AnalyzerFinding[];
}

export interface ContentAnalyzer {
  analyze(text: string, channel: GuardChannel): AnalyzerResult;
}

export type GuardMode = 'shadow' | 'enforce';

export type GuardAction = 'block' | 'redact';

/**
 * Which action flagged text gets. Per finding: `categories['<channel>:<category>']`, then `categories[category]`,
 * then `channels[channel]`, then `default` ('block'); a finding at or above `blockAtOrAbove` is always blocked. When
 * findings disagree, block wins. Redaction that leaves the text unchanged or still flagged becomes a block.
 */
export interface GuardActionPolicy {
  default?: GuardAction;
  channels?: Partial<Record<GuardChannel, GuardAction>>;
  categories?: Record<string, GuardAction>;
  /** Severity (low | medium | high | critical) from which findings are blocked whatever their category says. */
  blockAtOrAbove?: string;
}

/** What the guard asks before a model call (createVerdictClient() is the processor-backed one). */
export interface VerdictSource {
  lookup(q: VerdictQuery): VerdictAnswer;
}

export interface GuardOptions {
  mode: GuardMode;
  /** Block when the analyzer itself fails (default false: fail open). The verdict client has its own failClosed. */
  failClosed?: boolean;
  /** Content analysis of prompts and outputs; without it only verdicts are checked. */
  analyzer?: ContentAnalyzer;
  /** The processor's verdicts on the caller's session / user / API key, consulted before each model call. */
  verdicts?: VerdictSource;
  /**
   * A guard that only judges tool calls against the task scope declared with the identity (checkTool): it needs
   * neither an analyzer nor verdicts, and its content checks pass everything.
   */
  scopeOnly?: boolean;
  /** Under a throttle verdict, at most one call per this interval per target (default 1000 ms). */
  throttleIntervalMs?: number;
  clock?: () => number;
  /** Longest text handed to the analyzer; longer text is cut (default 256 KiB). Keeps the guard's cost bounded. */
  maxTextLength?: number;
  /** Block (default) or redact flagged text; a policy chooses per channel, category and severity. */
  action?: GuardAction | GuardActionPolicy;
  /** Masks secrets and personal data for the redact action (default: the processor's redactText). */
  redact?: (text: string) => string;
  /**
   * Enforce mode with output redaction holds a streamed answer back until it is complete, so it can be checked and
   * redacted before the app sees any of it. At most this many chunks are held (default 16384); a longer stream is
   * released as it is and blocked at its end when flagged.
   */
  maxBufferedChunks?: number;
}

export interface GuardVerdict {
  /** The analyzer (or failClosed) says this text should be blocked. */
  wouldBlock: boolean;
  /** The call is actually blocked (enforce mode and wouldBlock). */
  blocked: boolean;
  /** Flagged, and the action is redact (the redactor masks what was flagged). */
  wouldRedact?: boolean;
  /** Enforce mode and wouldRedact: the text must be replaced by redactedText before it goes on. */
  redact?: boolean;
  /** The text with secrets and personal data masked (when wouldRedact). */
  redactedText?: string;
  ruleIds: string[];
  severity: string;
  /** The analyzer threw; the verdict comes from failClosed. */
  error?: boolean;
}
