/**
 * Generic intent layer on word classes (anchors.ts), language-independent: a sentence asks for an artifact or a
 * method (ASK), names a harmful artifact or act of one category, and the sentence or its neighbours add a third part —
 * a third-party target, deception or evasion. Two parts are never enough here ("write an email to my boss", "what is
 * ransomware"); the English pattern layer (intent-patterns.ts) handles the precise two-part phrasings.
 */
import { C } from './anchors.js';
import type { AbuseCategory } from './intent-patterns.js';

export interface GenericHit {
  category: AbuseCategory;
  confidence: number;
  signals: string[];
}

const has = (bits: number, cls: number) => (bits & cls) !== 0;

interface Rule {
  category: AbuseCategory;
  label: string;
  base: number;
  /** Classes the sentence itself must hold (each entry: any of its bits). */
  sentence: number[];
  /** Classes the sentence or a neighbour must hold. */
  window: number[];
}

const THIRD = C.TARGET | C.EVADE | C.DECEIVE;
const PRIVATE = C.SECRET | C.ACCOUNT;

const RULES: readonly Rule[] = [
  {
    category: 'malware',
    label: 'generic:malware+third-party',
    base: 0.55,
    sentence: [C.ASK, C.MALART],
    window: [THIRD | C.SECTOOL],
  },
  {
    category: 'malware',
    label: 'generic:malware+theft',
    base: 0.5,
    sentence: [C.ASK, C.MALART, C.TAKE | C.HARMV],
    window: [PRIVATE | C.MONEY],
  },
  {
    category: 'malware',
    label: 'generic:tool+evasion',
    base: 0.5,
    sentence: [C.ASK, C.MALOBJ | C.EXPLOIT],
    window: [C.EVADE | C.SECTOOL, C.TARGET | C.TAKE],
  },
  {
    category: 'phishing',
    label: 'generic:phishing+lure',
    base: 0.55,
    sentence: [C.ASK, C.PHISH],
    window: [PRIVATE | C.BRAND | C.TARGET | C.MONEY],
  },
  {
    category: 'phishing',
    label: 'generic:message+deceive',
    base: 0.55,
    sentence: [C.ASK, C.MSG, C.DECEIVE],
    window: [C.BRAND | C.SECRET | C.MONEY | C.TARGET],
  },
  {
    category: 'phishing',
    label: 'generic:fake-login',
    base: 0.5,
    sentence: [C.ASK, C.FAKE | C.LOOK, C.MSG],
    window: [C.SECRET, C.BRAND],
  },
  {
    category: 'credentials',
    label: 'generic:intrude+target',
    base: 0.55,
    sentence: [C.INTRUDE, PRIVATE],
    window: [C.TARGET],
  },
  {
    category: 'credentials',
    label: 'generic:take+target',
    base: 0.55,
    sentence: [C.TAKE, PRIVATE],
    window: [C.TARGET],
  },
  {
    category: 'credentials',
    label: 'generic:surveil+covert',
    base: 0.55,
    sentence: [C.SURVEIL | C.INTRUDE | C.TAKE, PRIVATE],
    window: [C.TARGET, C.EVADE],
  },
  {
    category: 'fraud',
    label: 'generic:forged-document',
    base: 0.5,
    sentence: [C.ASK, C.FAKE, C.DOC],
    window: [C.MONEY | C.TARGET | C.EVADE | C.LOOK | C.SCALE | C.DECEIVE],
  },
  {
    category: 'fraud',
    label: 'generic:fraud-act',
    base: 0.5,
    sentence: [C.ASK, C.FRAUD],
    window: [C.MONEY | C.TARGET | C.EVADE | C.DOC],
  },
  {
    category: 'fraud',
    label: 'generic:mass-fake',
    base: 0.55,
    sentence: [C.ASK, C.SCALE, C.DOC],
    window: [C.FAKE | C.EVADE | C.DECEIVE],
  },
  {
    category: 'social_engineering',
    label: 'generic:deceive-for-money',
    base: 0.55,
    sentence: [C.ASK, C.DECEIVE],
    window: [C.MONEY | C.SECRET, C.TARGET | C.SCRIPT | C.MSG],
  },
  {
    category: 'social_engineering',
    label: 'generic:manipulate',
    base: 0.5,
    sentence: [C.TRICK],
    window: [C.MONEY | C.SECRET, C.TARGET, C.ASK | C.SCRIPT],
  },
];

/** Cues that add confidence once a rule holds (window bits). */
const BOOSTS: ReadonlyArray<readonly [number, string, number]> = [
  [C.EVADE, 'evasion', 0.1],
  [C.TARGET, 'target', 0.1],
  [C.DECEIVE, 'deception', 0.1],
];

/** Best generic hit per category. `bits[s]`: word classes of segment s. Cheap: bit tests only. */
export function genericIntent(bits: Uint32Array): GenericHit[] {
  const best = new Map<AbuseCategory, GenericHit>();
  for (let s = 0; s < bits.length; s++) {
    const b = bits[s];
    if (b === 0) continue;
    const w = b | (s > 0 ? bits[s - 1] : 0) | (s + 1 < bits.length ? bits[s + 1] : 0);
    for (const r of RULES) {
      if (!r.sentence.every((cls) => has(b, cls)) || !r.window.every((cls) => has(w, cls))) continue;
      let confidence = r.base;
      const signals = [r.label];
      for (const [cls, name, add] of BOOSTS) {
        if (has(w, cls)) {
          confidence += add;
          signals.push(name);
        }
      }
      confidence = Math.min(0.85, confidence);
      const prev = best.get(r.category);
      if (!prev || confidence > prev.confidence) best.set(r.category, { category: r.category, confidence, signals });
    }
  }
  return [...best.values()];
}

/** Whether any generic rule could hold given the classes of the whole text (the prefilter's question). */
export function genericPossible(all: number): boolean {
  return RULES.some((r) => r.sentence.every((cls) => has(all, cls)) && r.window.every((cls) => has(all, cls)));
}
