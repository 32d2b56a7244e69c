/**
 * Evidence that a guardrail looked at a call, including when it let the content through (moderation.ts records
 * only the verdicts that flagged something): provider filter results (Azure OpenAI prompt and completion filters),
 * a Bedrock guardrail id or action, a moderation payload recorded by the app (`tracehound.moderation`), an app
 * policy decision (`tracehound.policy.decision`), a content-filter finish reason. The missing-guardrail detector
 * reads `ix.guardrails` next to `ix.policy` and `ix.moderation`.
 */
import type { Attributes, Interaction } from '@tracehound/core';

/** Names of the evidence kinds, as they appear in `ix.guardrails` and in finding details. */
export const GUARDRAIL_EVIDENCE = {
  azureFilter: 'azure_content_filter',
  bedrockGuardrail: 'bedrock_guardrail',
  moderation: 'moderation',
  policy: 'policy',
} as const;

/** Collect the guardrail evidence of a span's attributes into `ix.guardrails` (undefined when there is none). */
export function readGuardrailEvidence(attrs: Attributes, ix: Interaction): void {
  const found = new Set<string>();
  for (const key in attrs) {
    const c = key.charCodeAt(0);
    if (c === 97 /* a */ && key.startsWith('aws.bedrock.guardrail.')) found.add(GUARDRAIL_EVIDENCE.bedrockGuardrail);
    else if (
      key.endsWith('_filter_results') &&
      (key.endsWith('prompt_filter_results') || key.endsWith('content_filter_results'))
    )
      found.add(GUARDRAIL_EVIDENCE.azureFilter);
    else if (key === 'tracehound.moderation') found.add(GUARDRAIL_EVIDENCE.moderation);
    else if (key === 'tracehound.policy.decision') found.add(GUARDRAIL_EVIDENCE.policy);
  }
  if (ix.moderation && ix.moderation.length > 0) found.add(GUARDRAIL_EVIDENCE.moderation);
  if (ix.policy) found.add(GUARDRAIL_EVIDENCE.policy);
  if (found.size > 0) ix.guardrails = [...found].sort();
}
