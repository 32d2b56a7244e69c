import type { Detection } from '@tracehound/core';
import type { DetectionConfig } from '../config.js';
import type { ChannelText, ContentDetector, DetectInput } from '../detector.js';
import { disabledRules } from '../injection/run.js';
import { signalEngine } from '../injection/signals.js';
import { BoundedCache } from '../cache.js';
import { judge, userView } from './conflicts.js';
import { tokenized } from './lexicon.js';
import { parseRestrictions, type Restrictions } from './restrictions.js';
import { CONTEXT_RULES } from './rules.js';

/** Distinct system prompts kept parsed. */
export const RESTRICTION_CACHE_SIZE = 256;
/** Characters of a user input judged: the head and the tail (requests sit at either end). */
const HEAD = 8 * 1024;
const TAIL = 2 * 1024;

function clip(text: string): string {
  return text.length <= HEAD + TAIL ? text : `${text.slice(0, HEAD)}\n${text.slice(text.length - TAIL)}`;
}

/** The system instructions of an Interaction as the texts carry them (span attribute and system/developer messages). */
function systemText(texts: readonly ChannelText[]): string {
  let out = '';
  for (const t of texts) if (t.channel === 'system' && t.origin === 'raw') out = out ? `${out}\n${t.text}` : t.text;
  return out;
}

/**
 * System-prompt-aware conflicts: restrictions read from the span's system instructions (parsed once per distinct
 * prompt), and user inputs judged against them — protected values and personal data targeted (directly or through a
 * transformation), forbidden topics raised, scope/role/format overrides, access-code bypasses. Fires only where a
 * system prompt restricts something.
 */
export function createContextConflictDetector(config: DetectionConfig): ContentDetector {
  const cache = new BoundedCache<Restrictions>(RESTRICTION_CACHE_SIZE);
  const disabled = disabledRules(config.rules);
  const rules = Object.values(CONTEXT_RULES);
  return {
    id: 'context.conflicts',
    rules,
    warm: () => void signalEngine(),
    detect(input: DetectInput): Detection[] {
      const engine = signalEngine();
      const system = systemText(input.texts);
      if (!system) return [];
      let r: Restrictions;
      try {
        r = cache.get(system, parseRestrictions);
      } catch {
        return [];
      }
      if (!r.any) return [];
      const best = new Map<string, Detection>();
      for (const ct of input.texts) {
        if (ct.channel !== 'prompt') continue;
        try {
          const view = userView(tokenized(clip(ct.text)), engine.scan(ct).scores);
          for (const f of judge(r, view)) {
            if (disabled.has(f.rule.id)) continue;
            const conf = Math.round(f.score * 1000) / 1000;
            const key = `${f.rule.id}|${ct.index ?? -1}`;
            const prev = best.get(key);
            if (prev && prev.confidence >= conf) continue;
            best.set(key, {
              ruleId: f.rule.id,
              confidence: conf,
              channel: 'prompt',
              evidence: ct.origin === 'raw' ? f.evidence : `[${ct.origin}] ${f.evidence}`,
              details: { origin: ct.origin, cues: f.cues },
            });
          }
        } catch {
          // A detector must not fail the span; the engine counts errors at its own level.
        }
      }
      return [...best.values()];
    },
  };
}
