/** Shared bits of the leak detectors: framework ids, the optional prior-detections input, aggregation. */
import type { Detection, Channel } from '@tracehound/core';
import { maskHighEntropyRuns, redactText } from '@tracehound/core/privacy';
import type { DetectInput } from '../detector.js';

export const OWASP = {
  promptInjection: 'LLM01:2025',
  sensitiveInfo: 'LLM02:2025',
  excessiveAgency: 'LLM06:2025',
  systemPromptLeak: 'LLM07:2025',
} as const;

export const ATLAS = {
  dataLeakage: 'AML.T0057',
  systemPromptExtraction: 'AML.T0056',
  promptInjection: 'AML.T0051',
  agentToolInvocation: 'AML.T0053',
  exfiltrationViaTool: 'AML.T0086',
} as const;

/**
 * The engine may pass the detections earlier detectors raised on the same Interaction (detectors run in registry
 * order). The tool-host detector reads them to tell exfiltration (a call that follows an injection in a document or
 * tool result) from a merely unlisted host. Optional: without it, a small built-in cue list stands in.
 */
export interface LeakDetectInput extends DetectInput {
  priorDetections?: readonly Detection[];
}

/** Texts of these channels, raw first so evidence prefers the text as received. */
export function textsOn(input: DetectInput, channels: readonly Channel[]) {
  return input.texts
    .filter((t) => channels.includes(t.channel))
    .sort((a, b) => Number(a.origin !== 'raw') - Number(b.origin !== 'raw'));
}

/** Keep the highest-confidence detection per (rule, channel, index); the others add their origin to details. */
export function keepStrongest(dets: Detection[]): Detection[] {
  const best = new Map<string, Detection>();
  for (const d of dets) {
    const key = `${d.ruleId}|${d.channel}|${d.details?.index ?? ''}`;
    const prev = best.get(key);
    if (!prev || d.confidence > prev.confidence) best.set(key, d);
  }
  return [...best.values()];
}

/** A short identifier-like value (host, path, tool name) made safe for evidence: redacted, blobs masked, capped. */
export function safeText(s: string, max = 120): string {
  const t = maskHighEntropyRuns(redactText(s));
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** Space, tab, line breaks and no-break space: what separates the leak detectors' tokens. */
export const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;

/** Whitespace-separated tokens of s (at most `max`). */
export function spaceTokens(s: string, max = Number.MAX_SAFE_INTEGER): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i <= s.length && out.length < max; i++) {
    const sp = i === s.length || isSpace(s.charCodeAt(i));
    if (!sp && start < 0) start = i;
    else if (sp && start >= 0) {
      out.push(s.slice(start, i));
      start = -1;
    }
  }
  return out;
}
