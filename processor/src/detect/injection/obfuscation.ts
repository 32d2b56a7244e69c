import type { Detection } from '@tracehound/core';
import type { DetectionConfig } from '../config.js';
import type { ChannelText, ContentDetector, DetectInput } from '../detector.js';
import { prepareString } from './prepare.js';
import { RULES } from './rules.js';
import { disabledRules } from './run.js';
import { anyIntentScore, confidence, FIRE } from './score.js';
import { DEFAULT_MAX_CHARS, signalEngine } from './signals.js';
import { traitsOf } from './traits.js';
import { decodeTags, hiddenCharStats, homoglyphs } from './unicode.js';

const CHANNELS = new Set(RULES.encoded.channels as readonly string[]);
const DECODED = ['base64', 'hex', 'url', 'rot13'];

/**
 * Obfuscation: payloads that only show their intent once decoded (expandTexts produced the decoded entries), and
 * the Unicode tricks themselves — tag characters, invisible/bidi controls, homoglyphs, spaced-out letters.
 */
export function createObfuscationDetector(config: DetectionConfig): ContentDetector {
  const disabled = disabledRules(config.rules);
  const rules = [RULES.encoded, RULES.tags, RULES.invisible, RULES.homoglyph, RULES.spaced];

  function detect(input: DetectInput): Detection[] {
    const engine = signalEngine();
    const best = new Map<string, Detection>();
    const emit = (
      ruleId: string,
      ct: ChannelText,
      score: number,
      evidence: string,
      details: Detection['details'] = {},
    ) => {
      if (disabled.has(ruleId) || score < FIRE) return;
      const conf = Math.round(confidence(score) * 1000) / 1000;
      const key = `${ruleId}|${ct.channel}|${ct.index ?? -1}`;
      const prev = best.get(key);
      if (prev && prev.confidence >= conf) return;
      best.set(key, {
        ruleId,
        confidence: conf,
        channel: ct.channel,
        evidence,
        details: { origin: ct.origin, ...details },
      });
    };
    const rawIntent = new Map<string, number>();
    for (const ct of input.texts) {
      if (ct.origin === 'raw' && CHANNELS.has(ct.channel))
        rawIntent.set(`${ct.channel}|${ct.index ?? -1}`, anyIntentScore(engine.scan(ct).scores));
    }
    for (const ct of input.texts) {
      if (!CHANNELS.has(ct.channel)) continue;
      try {
        const key = `${ct.channel}|${ct.index ?? -1}`;
        if (ct.origin === 'raw') {
          if (!traitsOf(ct).hidden) continue; // no tag, invisible or bidi character at all
          const hidden = hiddenCharStats(ct.text);
          if (hidden.tags > 0) {
            const smuggled = decodeTags(ct.text, 4096);
            const intent = anyIntentScore(engine.scanPrepared(prepareString(smuggled, DEFAULT_MAX_CHARS).text).scores);
            emit(
              RULES.tags.id,
              ct,
              1 + (intent >= FIRE ? 0.8 : 0),
              `${hidden.tags} tag characters${intent >= FIRE ? ' carrying an instruction' : ''}`,
              { tags: hidden.tags },
            );
          }
          if (hidden.bidi > 0 || hidden.invisible > 0) {
            const intent = rawIntent.get(key) ?? 0;
            const score =
              (hidden.bidi > 0 ? 1 : 0) +
              (hidden.invisible >= 3 ? 1 : 0) +
              (intent >= FIRE ? 0.8 : 0) +
              (hidden.invisible > 0 && intent >= FIRE ? 0.2 : 0);
            emit(
              RULES.invisible.id,
              ct,
              score,
              `${hidden.invisible} invisible, ${hidden.bidi} bidi control characters`,
              { invisible: hidden.invisible, bidi: hidden.bidi },
            );
          }
          continue;
        }
        const intent = anyIntentScore(engine.scan(ct).scores);
        const revealed = intent >= FIRE && (rawIntent.get(key) ?? 0) < FIRE;
        const base = ct.origin.split('>')[0];
        if (DECODED.includes(base) || ct.origin.startsWith('unicode-tags>')) {
          if (intent >= FIRE)
            emit(RULES.encoded.id, ct, 1 + intent * 0.5, `[${ct.origin}] decodes to an injection-like instruction`);
        } else if (base === 'homoglyph') {
          const mixed = homoglyphs(
            input.texts.find((t) => t.origin === 'raw' && t.channel === ct.channel && t.index === ct.index)?.text ?? '',
          ).mixedWords;
          const score = (revealed ? 1.6 : 0) + (mixed >= 3 ? 1 : 0);
          emit(
            RULES.homoglyph.id,
            ct,
            score,
            `${mixed} words mixing Latin and look-alike letters${revealed ? '; folded text is an instruction' : ''}`,
            { mixedWords: mixed },
          );
        } else if (base === 'spaced' && revealed) {
          emit(RULES.spaced.id, ct, 1.6, 'spaced-out letters re-join into an instruction');
        }
      } catch {
        // never fail the span
      }
    }
    return [...best.values()];
  }

  return { id: 'injection.obfuscation', rules, warm: () => void signalEngine(), detect };
}
