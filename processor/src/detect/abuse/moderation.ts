/**
 * Provider moderation verdicts as findings: what the provider (OpenAI, Azure OpenAI, Bedrock, Anthropic, Google, or
 * the app's own moderation call) decided about this prompt or answer, with its own category names and action.
 * One finding per provider, action and channel on each span; repetition over time is the behavioral layer's job.
 */
import RE2 from 're2';
import type { Detection, Channel, Interaction, PolicyDecision } from '@tracehound/core';
import type { DetectionConfig } from '../config.js';
import type { ContentDetector, DetectInput } from '../detector.js';
import { MODERATION_RULES } from './rules.js';

export type ModerationAction = 'blocked' | 'filtered' | 'annotated' | 'refused';

const MAX_VERDICTS = 32;
const MAX_CATEGORIES = 16;

const ACTIONS: Record<string, ModerationAction | 'none'> = {
  blocked: 'blocked',
  block: 'blocked',
  deny: 'blocked',
  denied: 'blocked',
  rejected: 'blocked',
  reject: 'blocked',
  intervened: 'blocked',
  guardrail_intervened: 'blocked',
  stopped: 'blocked',
  filtered: 'filtered',
  filter: 'filtered',
  content_filter: 'filtered',
  redact: 'filtered',
  redacted: 'filtered',
  masked: 'filtered',
  anonymized: 'filtered',
  detected: 'annotated',
  flag: 'annotated',
  flagged: 'annotated',
  annotate: 'annotated',
  annotated: 'annotated',
  warn: 'annotated',
  warning: 'annotated',
  refusal: 'refused',
  refused: 'refused',
  allow: 'none',
  allowed: 'none',
  pass: 'none',
  passed: 'none',
  none: 'none',
  safe: 'none',
};

/** Provider category names that mean "prompt attack" (Azure Prompt Shields, Bedrock prompt-attack filter). */
const SHIELD = new Set([
  'jailbreak',
  'indirect_attack',
  'prompt_attack',
  'prompt_injection',
  'prompt_shield',
  'user_prompt_attack',
]);

const UNSAFE = new RE2(String.raw`[^\w:./ -]`, 'g');
const SEPARATORS = new RE2('[ -]', 'g');

/** Provider vocabulary only, bounded: never copy arbitrary text from a span into a finding. */
function clean(s: string | undefined, max = 48): string {
  if (!s) return '';
  return s
    .slice(0, max * 4)
    .replace(UNSAFE, '')
    .trim()
    .slice(0, max);
}

function actionOf(d: PolicyDecision): ModerationAction | 'none' {
  const key = clean(d.decision).toLowerCase().replace(SEPARATORS, '_');
  return ACTIONS[key] ?? (d.enforced === true ? 'blocked' : 'annotated');
}

function channelOf(d: PolicyDecision, categories: string[]): Channel {
  const hint = `${d.reason ?? ''} ${d.rule ?? ''}`.toLowerCase();
  if (
    hint.includes('prompt') ||
    hint.includes('input') ||
    categories.some((c) => c.toLowerCase().startsWith('prompt:'))
  )
    return 'prompt';
  return 'output';
}

interface Group {
  source: string;
  action: ModerationAction;
  channel: Channel;
  categories: Set<string>;
  rules: Set<string>;
  reasons: Set<string>;
  shield: boolean;
}

/** Finish reasons seen on outputs, for Interactions built without normalize (in-process guard, tests). */
function fromFinishReasons(ix: Interaction): PolicyDecision[] {
  const out: PolicyDecision[] = [];
  for (const m of ix.output) {
    const r = (m.finishReason ?? '').toLowerCase();
    if (r === 'content_filter' || r === 'refusal' || r === 'guardrail_intervened')
      out.push({ source: ix.provider ?? 'provider', decision: r, reason: r });
  }
  return out;
}

export function createModerationDetector(_config: DetectionConfig): ContentDetector {
  return {
    id: 'moderation',
    rules: MODERATION_RULES,
    detect(input: DetectInput): Detection[] {
      const ix = input.interaction;
      const verdicts = (ix.moderation && ix.moderation.length > 0 ? ix.moderation : fromFinishReasons(ix)).slice(
        0,
        MAX_VERDICTS,
      );
      if (verdicts.length === 0) return [];
      const groups = new Map<string, Group>();
      for (const d of verdicts) {
        const action = actionOf(d);
        if (action === 'none') continue;
        const cats = (d.categories ?? [])
          .slice(0, MAX_CATEGORIES)
          .map((c) => clean(c))
          .filter((c) => c.length > 0);
        const channel = channelOf(d, cats);
        const source = clean(d.source, 32).toLowerCase() || 'provider';
        const shieldCats = cats.filter((c) => {
          const lc = c.toLowerCase();
          return SHIELD.has(lc.startsWith('prompt:') ? lc.slice(7) : lc);
        });
        const otherCats = cats.filter((c) => !shieldCats.includes(c));
        const parts: Array<[boolean, string[]]> = [];
        if (shieldCats.length > 0) parts.push([true, shieldCats]);
        if (otherCats.length > 0 || shieldCats.length === 0) parts.push([false, otherCats]);
        for (const [shield, list] of parts) {
          const key = `${source}|${action}|${channel}|${shield}`;
          let g = groups.get(key);
          if (!g) {
            g = {
              source,
              action,
              channel: shield && channel === 'output' ? 'prompt' : channel,
              categories: new Set(),
              rules: new Set(),
              reasons: new Set(),
              shield,
            };
            groups.set(key, g);
          }
          for (const c of list) if (g.categories.size < MAX_CATEGORIES) g.categories.add(c);
          const rule = clean(d.rule, 96);
          if (rule) g.rules.add(rule);
          const reason = clean(d.reason);
          if (reason) g.reasons.add(reason);
        }
      }
      const out: Detection[] = [];
      for (const g of groups.values()) out.push(toDetection(g));
      return out;
    },
  };
}

function toDetection(g: Group): Detection {
  const ruleId = g.shield
    ? 'TH-MOD-004'
    : g.action === 'refused'
      ? 'TH-MOD-003'
      : g.action === 'annotated'
        ? 'TH-MOD-002'
        : 'TH-MOD-001';
  const cats = [...g.categories].sort();
  const where = g.channel === 'prompt' ? 'prompt' : 'completion';
  const evidence = `${g.source} ${g.action} ${where}${cats.length > 0 ? `: ${cats.join(', ')}` : ''}`;
  return {
    ruleId,
    confidence: 0.95,
    channel: g.channel,
    evidence,
    details: {
      provider: g.source,
      action: g.action,
      categories: cats,
      ...(g.rules.size > 0 ? { policy: [...g.rules].sort().join(',') } : {}),
      ...(g.reasons.size > 0 ? { reason: [...g.reasons].sort().join(',') } : {}),
    },
  };
}
