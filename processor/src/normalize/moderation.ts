/**
 * Provider-side moderation verdicts carried by a span, whatever its dialect: content-filter finish reasons, Azure
 * OpenAI prompt/content filter results, Bedrock guardrail interventions, Anthropic/OpenAI refusals, and Tracehound's
 * own `tracehound.moderation` list.
 */
import type { Interaction, PolicyDecision, Attributes } from '@tracehound/core';
import { str, strList } from './attrs.js';
import { readJson, type ParseCtx } from './json.js';

/** Filter-result JSON is small; anything larger is not a filter result and is not parsed here. */
const MAX_FILTER_JSON = 1 << 16;
const MAX_VERDICTS = 64;

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Who moderated, from the provider name. */
function sourceOf(provider: string | undefined): string {
  const p = (provider ?? '').toLowerCase();
  if (p.includes('azure') || p.startsWith('az.')) return 'azure';
  if (p.includes('bedrock') || p.includes('aws')) return 'bedrock';
  if (p.includes('anthropic')) return 'anthropic';
  if (p.includes('openai')) return 'openai';
  if (p.includes('gemini') || p.includes('vertex') || p.includes('google') || p.includes('gcp')) return 'google';
  return p || 'provider';
}

function fromFinishReason(reason: string, provider: string | undefined): PolicyDecision | undefined {
  switch (reason.toLowerCase()) {
    case 'content_filter':
    case 'content-filter':
    case 'safety':
    case 'prohibited_content':
    case 'blocklist':
    case 'spii':
      return { source: sourceOf(provider), decision: 'filtered', reason: reason };
    case 'guardrail_intervened':
      return { source: 'bedrock', decision: 'intervened', reason };
    case 'refusal':
      return { source: sourceOf(provider), decision: 'refusal', reason };
    default:
      return undefined;
  }
}

/**
 * Azure filter results: `{hate:{filtered,severity}, jailbreak:{filtered,detected}, ...}`, or the prompt form
 * `[{prompt_index, content_filter_results:{...}}]`. Returns flagged category names.
 */
function flaggedCategories(v: unknown, out: Set<string>, depth = 0): boolean {
  let filtered = false;
  if (depth > 3) return false;
  if (Array.isArray(v)) {
    for (const e of v.slice(0, 32)) if (flaggedCategories(e, out, depth + 1)) filtered = true;
    return filtered;
  }
  if (!isObj(v)) return false;
  if (isObj(v.content_filter_results)) return flaggedCategories(v.content_filter_results, out, depth + 1);
  for (const [cat, r] of Object.entries(v)) {
    if (!isObj(r)) continue;
    if (r.filtered === true) {
      filtered = true;
      out.add(cat);
    } else if (r.detected === true) out.add(cat);
  }
  return filtered;
}

/**
 * A provider's raw moderation payload recorded by the app under `tracehound.moderation`: an OpenAI moderation
 * response (`{results:[{flagged, categories:{name:bool}}]}` or one result), or a Bedrock ApplyGuardrail response /
 * guardrail trace (`{action:'GUARDRAIL_INTERVENED', assessments:[{contentPolicy:{filters:[{type, action}]}, ...}]}`).
 */
function fromProviderPayload(o: Record<string, unknown>): PolicyDecision | undefined {
  const results = Array.isArray(o.results)
    ? o.results
    : typeof o.flagged === 'boolean' && isObj(o.categories)
      ? [o]
      : undefined;
  if (results) {
    const cats = new Set<string>();
    let flagged = false;
    for (const r of results.slice(0, 16)) {
      if (!isObj(r)) continue;
      if (r.flagged === true) flagged = true;
      if (isObj(r.categories))
        for (const [c, v] of Object.entries(r.categories)) if (v === true && cats.size < 64) cats.add(c);
    }
    if (!flagged) return { source: 'openai', decision: 'allow' };
    const d: PolicyDecision = {
      source: 'openai',
      decision: 'flagged',
      reason: 'moderation',
      categories: [...cats].sort(),
    };
    if (typeof o.model === 'string') d.rule = o.model;
    return d;
  }
  const action =
    typeof o.action === 'string'
      ? o.action
      : typeof o['amazon-bedrock-guardrailAction'] === 'string'
        ? (o['amazon-bedrock-guardrailAction'] as string)
        : undefined;
  if (action === undefined && !Array.isArray(o.assessments)) return undefined;
  const cats = new Set<string>();
  const blocked = new Set<string>();
  const visit = (v: unknown, depth: number) => {
    if (depth > 5 || cats.size >= 64) return;
    if (Array.isArray(v)) for (const e of v.slice(0, 32)) visit(e, depth + 1);
    else if (isObj(v)) {
      // Topics carry a name (type is DENY); content filters and PII entities carry a type; word matches neither.
      const name =
        typeof v.name === 'string'
          ? v.name
          : typeof v.type === 'string'
            ? v.type
            : typeof v.match === 'string'
              ? 'WORD'
              : undefined;
      if (name && typeof v.action === 'string' && v.action !== 'NONE') {
        cats.add(name);
        blocked.add(v.action);
      }
      for (const e of Object.values(v)) if (typeof e === 'object') visit(e, depth + 1);
    }
  };
  visit(o.assessments, 0);
  const intervened = (action ?? '').toUpperCase().includes('INTERVENED') || blocked.has('BLOCKED');
  if (!intervened && cats.size === 0) return { source: 'bedrock', decision: 'allow' };
  // Only masking (ANONYMIZED) means the content went through redacted; anything else stopped it.
  const onlyMasked = blocked.size > 0 && !blocked.has('BLOCKED') && [...blocked].every((a) => a === 'ANONYMIZED');
  const d: PolicyDecision = {
    source: 'bedrock',
    decision: onlyMasked ? 'redacted' : 'intervened',
    reason: 'guardrail',
    categories: [...cats].sort(),
  };
  if (typeof o.guardrailId === 'string') d.rule = o.guardrailId;
  return d;
}

/** Collect every moderation verdict on the span into `ix.moderation` (left undefined when there is none). */
export function readModeration(
  attrs: Attributes,
  ix: Interaction,
  ctx: ParseCtx,
  extraReasons?: readonly string[],
): void {
  const verdicts: PolicyDecision[] = [];
  const seen = new Set<string>();
  const add = (d: PolicyDecision | undefined) => {
    if (!d || verdicts.length >= MAX_VERDICTS) return;
    const key = `${d.source}|${d.decision}|${d.reason ?? ''}|${d.rule ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    verdicts.push(d);
  };

  const reasons: string[] = [];
  for (const m of ix.output) if (m.finishReason) reasons.push(m.finishReason);
  if (extraReasons) reasons.push(...extraReasons);
  // Finish reasons recorded on the span even when no output content was captured.
  const listed = strList(attrs['gen_ai.response.finish_reasons'], 16);
  if (listed) reasons.push(...listed);
  for (const k of ['llm.finish_reason', 'ai.response.finishReason'] as const) {
    const r = str(attrs, k);
    if (r) reasons.push(r);
  }
  for (const r of reasons) add(fromFinishReason(r, ix.provider));

  let guardrailId: string | undefined;
  let guardrailIntervened = false;
  for (const key in attrs) {
    if (key.endsWith('prompt_filter_results') || key.endsWith('content_filter_results')) {
      const v = attrs[key];
      if (typeof v === 'string' && v.length > MAX_FILTER_JSON) continue;
      const parsed = readJson(v, ctx).value;
      const cats = new Set<string>();
      const filtered = flaggedCategories(parsed, cats);
      if (cats.size > 0) {
        add({
          source: 'azure',
          decision: filtered ? 'filtered' : 'detected',
          reason: key.endsWith('prompt_filter_results') ? 'prompt_filter' : 'completion_filter',
          categories: [...cats].sort(),
        });
      }
    } else if (key.startsWith('aws.bedrock.guardrail.')) {
      const v = attrs[key];
      if (key === 'aws.bedrock.guardrail.id') guardrailId = str(attrs, key);
      else if (typeof v === 'string' && v.toUpperCase() === 'INTERVENED') guardrailIntervened = true;
    }
  }
  if (guardrailIntervened || (guardrailId && reasons.includes('guardrail_intervened'))) {
    // Replace the bare finish-reason verdict with one that names the guardrail.
    const i = verdicts.findIndex((d) => d.source === 'bedrock' && d.decision === 'intervened');
    const d: PolicyDecision = { source: 'bedrock', decision: 'intervened', reason: 'guardrail_intervened' };
    if (guardrailId) d.rule = guardrailId;
    if (i >= 0) verdicts[i] = d;
    else add(d);
  }

  const own = attrs['tracehound.moderation'];
  if (own !== undefined) {
    const parsed = readJson(own, ctx).value;
    const list = Array.isArray(parsed) ? parsed : parsed !== undefined ? [parsed] : [];
    for (const o of list) {
      if (!isObj(o)) continue;
      if (typeof o.decision !== 'string') {
        const p = fromProviderPayload(o);
        if (p) {
          if (p.decision !== 'allow') add(p);
          continue;
        }
      }
      const d: PolicyDecision = {
        source: typeof o.source === 'string' ? o.source : 'app',
        decision: typeof o.decision === 'string' ? o.decision : 'flag',
      };
      if (typeof o.rule === 'string') d.rule = o.rule;
      if (typeof o.reason === 'string') d.reason = o.reason;
      if (typeof o.enforced === 'boolean') d.enforced = o.enforced;
      if (Array.isArray(o.categories))
        d.categories = o.categories.filter((c): c is string => typeof c === 'string').slice(0, 64);
      add(d);
    }
  }
  if (verdicts.length > 0) ix.moderation = verdicts;
}
