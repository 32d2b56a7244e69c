/**
 * Refusals: the model declined. A signal, not a finding (score/scorer.ts SIGNAL_CATEGORIES): the span is marked
 * `tracehound.response.refused` and behavioral detectors count them (refusal clusters per session and key,
 * refusal-rate drift per model), which are the findings. Signals: a 'refusal' finish/stop reason, a provider refusal verdict, or a
 * common refusal phrasing at the start of the output (English plus the ten most used languages).
 */
import RE2 from 're2';
import type { Detection, RuleMeta } from '@tracehound/core';
import type { DetectionConfig } from '../config.js';
import type { ContentDetector, DetectInput } from '../detector.js';

export const REFUSAL_RULES: readonly RuleMeta[] = [
  {
    id: 'TH-REF-001',
    name: 'Model refused the request',
    category: 'refusal',
    severity: 'low',
    description:
      "The model declined to answer: finish/stop reason 'refusal', a provider refusal verdict, or a refusal phrasing at the start of the output (en, es, fr, de, pt, it, ru, zh, ja, ko, hi, ar, tr). A signal, not a finding: it sets the span attribute tracehound.response.refused and feeds refusal-cluster (TH-BEH-010/011) and refusal-drift (TH-BEH-060) detection, which raise the findings; a model declining one request is not an attack on that output.",
    example: "I'm sorry, but I can't help with that.",
    falsePositives: 'Partial refusals followed by a useful answer; answers that quote a refusal.',
    owasp: [],
    atlas: [],
    channels: ['output'],
  },
];

const A = `['’]`;
const PHRASES: ReadonlyArray<readonly [lang: string, source: string]> = [
  [
    'en',
    String.raw`(?i)\bI${A}?m\s+(?:really\s+|very\s+|so\s+)?sorry,?\s+(?:but\s+)?I\s+(?:can${A}?t|cannot|can not|won${A}?t|will not|am not able|${A}m not able|am unable|${A}m unable)`,
  ],
  [
    'en',
    String.raw`(?i)\bI\s+(?:can${A}?t|cannot|can not|won${A}?t|will not|am unable to|${A}m unable to|am not able to|${A}m not able to)\s+(?:help|assist|provide|comply|fulfill|support|do that|create|generate|write|share|engage|answer|participate|give|continue)\b`,
  ],
  [
    'en',
    String.raw`(?i)\bI\s+(?:must|have to|need to|will have to)\s+(?:respectfully\s+|politely\s+)?(?:decline|refuse)\b`,
  ],
  [
    'en',
    String.raw`(?i)\bAs an AI(?: language model| assistant| model)?,?\s+I\s+(?:can${A}?t|cannot|am not able|${A}m not able|am unable|don${A}?t have the ability|must not|will not|won${A}?t)\b`,
  ],
  [
    'en',
    String.raw`(?i)\b(?:Sorry|Apologies|Unfortunately),?\s+(?:but\s+)?I\s+(?:can${A}?t|cannot|won${A}?t|am unable|${A}m unable|am not able|${A}m not able)\b`,
  ],
  [
    'en',
    String.raw`(?i)\bI${A}?m not (?:comfortable|going to|able to)\s+(?:help|assist|provid|writ|creat|generat|shar|engag)`,
  ],
  [
    'es',
    String.raw`(?i)\b(?:lo siento|disculpa|disculpe|perdón|lamentablemente)[^.\n]{0,40}\bno (?:puedo|me es posible)\b`,
  ],
  ['es', String.raw`(?i)\bno puedo (?:ayudar|ayudarte|ayudarle|proporcionar|cumplir|hacer eso|asistir|responder)`],
  [
    'fr',
    String.raw`(?i)\b(?:désolée?|je suis désolée?|malheureusement)[^.\n]{0,40}\bje ne (?:peux|suis pas en mesure|pourrai)\b`,
  ],
  [
    'fr',
    String.raw`(?i)\bje ne (?:peux|pourrai) pas (?:vous aider|t${A}aider|aider|fournir|répondre|faire cela|accéder|donner)`,
  ],
  [
    'de',
    String.raw`(?i)\b(?:es tut mir leid|entschuldigung|leider)[^.\n]{0,60}\b(?:kann|darf|werde) ich (?:nicht|keine|dir nicht|ihnen nicht|dabei nicht)`,
  ],
  [
    'de',
    String.raw`(?i)\bich kann (?:dir |ihnen |euch )?(?:dabei |damit |hierbei )?(?:nicht|leider nicht|keine) (?:helfen|unterstützen|weiterhelfen|behilflich|bereitstellen)`,
  ],
  ['pt', String.raw`(?i)\b(?:desculpe|lamento|sinto muito|infelizmente)[^.\n]{0,40}\bnão (?:posso|consigo)\b`],
  ['pt', String.raw`(?i)\bnão posso (?:ajudar|fornecer|atender|fazer isso|auxiliar|responder)`],
  ['it', String.raw`(?i)\b(?:mi dispiace|spiacente|purtroppo)[^.\n]{0,40}\bnon (?:posso|sono in grado)\b`],
  ['it', String.raw`(?i)\bnon posso (?:aiutarti|aiutare|aiutarla|fornire|assisterti|rispondere)`],
  ['ru', String.raw`(?i)(?:извините|простите|к сожалению)[^.\n]{0,40}я не (?:могу|буду|смогу)`],
  ['ru', String.raw`(?i)я не (?:могу|смогу) (?:помочь|предоставить|выполнить|ответить)`],
  ['zh', String.raw`(?:抱歉|对不起|很遗憾|不好意思)[，,]?[^。\n]{0,20}(?:我(?:无法|不能|不可以)|无法)`],
  ['zh', String.raw`我(?:无法|不能)(?:帮助|提供|协助|满足|回答|帮你|帮您)`],
  [
    'ja',
    String.raw`申し訳(?:ありませんが|ございませんが)[^。\n]{0,40}(?:できません|お答えできません|お手伝いできません|いたしかねます)`,
  ],
  ['ja', String.raw`(?:お手伝い|ご協力|ご提供|提供|お答え)(?:することは|することが)?できません`],
  ['ko', String.raw`죄송(?:하지만|합니다)[^.\n]{0,40}(?:할 수 없|도와드릴 수 없|제공할 수 없|드릴 수 없)`],
  ['ko', String.raw`(?:도와드릴|제공해 드릴|답변해 드릴) 수 없습니다`],
  ['hi', String.raw`(?:क्षमा करें|माफ़ कीजिए|माफ करें|खेद है)[^।\n]{0,60}(?:नहीं कर सकता|नहीं कर सकती)`],
  ['hi', String.raw`मैं (?:इसमें |इस में )?(?:आपकी )?(?:मदद|सहायता) नहीं कर (?:सकता|सकती)`],
  ['ar', String.raw`(?:عذرًا|عذرا|آسف|أعتذر|للأسف)[^.\n]{0,60}(?:لا أستطيع|لا يمكنني)`],
  ['ar', String.raw`(?:لا أستطيع|لا يمكنني) (?:المساعدة|مساعدتك|تقديم|تلبية)`],
  ['tr', String.raw`(?i)(?:üzgünüm|maalesef)[^.\n]{0,40}(?:yardımcı olamam|yapamam|sağlayamam|veremem)`],
];

const SET = new RE2.Set(PHRASES.map(([, s]) => s));
/** Refusals open the answer; later "I can't" is usually part of a helpful reply. */
const HEAD_CHARS = 300;

export function createRefusalDetector(_config: DetectionConfig): ContentDetector {
  return {
    id: 'refusal',
    rules: REFUSAL_RULES,
    detect(input: DetectInput): Detection[] {
      const ix = input.interaction;
      const byReason =
        ix.output.some((m) => (m.finishReason ?? '').toLowerCase() === 'refusal') ||
        (ix.moderation ?? []).some((m) => (m.decision ?? '').toLowerCase() === 'refusal');
      if (byReason) {
        return [
          {
            ruleId: 'TH-REF-001',
            confidence: 0.95,
            channel: 'output',
            evidence: "finish reason 'refusal'",
            details: { signal: 'finish_reason' },
          },
        ];
      }
      for (const t of input.texts) {
        if (t.channel !== 'output' || t.origin !== 'raw') continue;
        const head = t.text.trimStart().slice(0, HEAD_CHARS);
        const hits = SET.match(head);
        if (hits.length === 0) continue;
        const lang = PHRASES[Math.min(...hits)][0];
        // A short answer that is a refusal phrase is a refusal; a long one may be a partial refusal.
        const confidence = t.text.length <= 600 ? 0.9 : 0.7;
        return [
          {
            ruleId: 'TH-REF-001',
            confidence,
            channel: 'output',
            evidence: `refusal phrasing (${lang}) at the start of the output`,
            details: { signal: 'phrase', language: lang, ...(t.index !== undefined ? { index: t.index } : {}) },
          },
        ];
      }
      return [];
    },
  };
}
