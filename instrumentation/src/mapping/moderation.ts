/**
 * Provider-side moderation verdicts carried by responses: OpenAI `content_filter` finish reasons, Azure OpenAI
 * prompt_filter_results / content_filter_results, Anthropic `refusal` stop reasons.
 */
import type { ModerationVerdict } from './types.js';
import { arr, rec } from './types.js';

/** Azure's per-category result objects: {filtered, severity} or {filtered, detected}. */
function azureVerdict(results: unknown): ModerationVerdict | undefined {
  const r = rec(results);
  if (!r) return undefined;
  const filtered: string[] = [];
  const flagged: string[] = [];
  for (const [category, value] of Object.entries(r)) {
    const v = rec(value);
    if (!v) continue;
    if (v.filtered === true) filtered.push(category);
    else if (v.detected === true) flagged.push(category);
  }
  if (filtered.length) return { source: 'azure', decision: 'blocked', categories: [...filtered, ...flagged] };
  if (flagged.length) return { source: 'azure', decision: 'flagged', categories: flagged };
  return undefined;
}

/** Verdicts of an OpenAI-compatible chat completion (or a chunk of one). */
export function chatModeration(body: Record<string, unknown>, providerSource: string): ModerationVerdict[] {
  const out: ModerationVerdict[] = [];
  for (const pf of arr(body.prompt_filter_results)) {
    const v = azureVerdict(rec(pf)?.content_filter_results);
    if (v) out.push({ ...v, decision: v.decision, categories: v.categories.map((c) => `prompt:${c}`) });
  }
  for (const c of arr(body.choices)) {
    const choice = rec(c);
    if (!choice) continue;
    const v = azureVerdict(choice.content_filter_results);
    if (v) out.push(v);
    if (choice.finish_reason === 'content_filter' && !v)
      out.push({ source: providerSource, decision: 'blocked', categories: [] });
  }
  return out;
}

export function anthropicModeration(stopReason: unknown): ModerationVerdict[] {
  return stopReason === 'refusal' ? [{ source: 'anthropic', decision: 'refused', categories: [] }] : [];
}
