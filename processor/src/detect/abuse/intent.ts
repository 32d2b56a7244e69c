/**
 * Scores a request for abuse intent per category, in three stages so ordinary text costs one cheap pass:
 *  1. Prefilter: one pass over the words (tokens.ts) gives the word classes present; unless they can satisfy some
 *     pattern's class requirements (NEEDS) or a generic rule, the text exits here. Most benign text does.
 *  2. Windows: the text is cut into sentences, each sentence classified again; a core or object pattern runs (RE2) only
 *     on sentences whose classes meet its requirements, cue patterns only on the neighbours of a hit, and the
 *     defensive / knowledge patterns only once something scored.
 *  3. Scores: a category scores when one sentence holds a core pattern (asking verb + harmful object), or an ask and
 *     an object with a gate cue nearby, or a generic three-part rule on word classes (generic.ts, multilingual).
 *     Cues in that sentence or its neighbours add; defensive framing or a knowledge question anywhere subtracts.
 */
import RE2 from 're2';
import { C, CLASSIFIER } from './anchors.js';
import { genericIntent, genericPossible } from './generic.js';
import { ABUSE_CATEGORIES, INTENT_PATTERNS, type AbuseCategory } from './intent-patterns.js';
import { TEXT_TASK } from './lexicon.js';

export interface IntentScore {
  category: AbuseCategory;
  confidence: number;
  /** Pattern labels that contributed (fixed vocabulary, never user text). */
  core: string[];
  cues: string[];
  dampened: string[];
}

/** Prompts longer than this are scored on their first part only: abuse requests are short. */
const MAX_CHARS = 8_000;
const MAX_SEGMENT = 600;
const MAX_SEGMENTS = 200;
const CUE_CAP = 0.35;
/** Confidence of an ask and a category object seen apart in one sentence, before cues (needs a gate cue). */
const LOOSE_CORE = 0.3;
/**
 * A text-processing task on supplied content (summarize the following article, answer a question about this movie
 * plot, classify the sentiment): the generic layer's word classes then describe the content, not the asker's goal.
 * Its hits lose this much; the pattern layer's precise phrasings keep their weight.
 */
const TEXT_TASK_DAMP = 0.3;
const TEXT_TASK_RE = new RE2(TEXT_TASK, 'i');
/** Below this no category is worth the dampers' pass. */
const SCORE_FLOOR = 0.3;

/**
 * Word classes a sentence must hold before a core or object pattern is run on it: each entry is an OR of classes,
 * all entries must hold. Derived from the words each pattern cannot match without; checked against the full
 * pattern set on every labelled row (a pattern hit without its classes would be a recall loss).
 */
const NEEDS: Record<string, number[]> = {
  'malware:build-malware': [C.MALART],
  'malware:infect-victim': [C.HARMV | C.INTRUDE, C.TARGET | C.POSS, C.ACCOUNT | C.MSG],
  'malware:spread-malware': [C.MALART],
  'malware:tool-that-harms': [
    C.HARMV | C.TAKE | C.INTRUDE | C.SURVEIL,
    C.SECRET | C.ACCOUNT | C.MALART | C.SECTOOL | C.MALOBJ,
  ],
  'malware:ransom-behaviour': [C.HARMV | C.TAKE, C.MONEY | C.MALART],
  'malware:drops-malware': [C.MALART | C.MALOBJ | C.EXPLOIT],
  'malware:make-undetectable': [C.MALART | C.MALOBJ | C.EXPLOIT, C.EVADE | C.EVADEW | C.SECTOOL],
  'malware:weaponize-exploit': [C.EXPLOIT],
  'malware:intrusion': [C.INTRUDE | C.INTRUDEW, C.ACCOUNT | C.MSG],
  'malware:take-down': [C.EXPLOIT, C.ACCOUNT | C.MSG],
  'malware:malware-object': [C.MALART | C.MALOBJ | C.EXPLOIT],
  'phishing:phishing-artifact': [C.PHISH],
  'phishing:fake-login': [C.FAKE | C.DECEIVE | C.LOOK, C.SECRET | C.BRAND],
  'phishing:pretend-sender': [C.MSG | C.SCRIPT, C.BRAND],
  'phishing:message-from-brand': [C.MSG, C.BRAND, C.DECEIVE | C.LOOK | C.SECRET | C.MONEY | C.FAKE],
  'phishing:fake-login-page': [C.FAKE | C.DECEIVE | C.PHISH | C.LOOK, C.SECRET],
  'phishing:lookalike-infra': [C.FAKE | C.DECEIVE | C.LOOK],
  'phishing:impersonate': [C.DECEIVE | C.LOOK],
  'phishing:message-object': [C.MSG],
  'credentials:take-credentials': [C.TARGET | C.POSS, C.SECRET | C.ACCOUNT],
  'credentials:break-into-account': [C.INTRUDE | C.INTRUDEW | C.SECRET, C.ACCOUNT | C.SECRET, C.POSS | C.TARGET],
  'credentials:what-is-their-secret': [C.TARGET | C.POSS, C.SECRET | C.ACCOUNT],
  'credentials:piggyback-network': [C.TARGET | C.POSS, C.SECRET | C.ACCOUNT],
  'credentials:stuffing-anywhere': [C.INTRUDE | C.INTRUDEW],
  'credentials:defeat-2fa': [C.EVADE | C.EVADEW | C.INTRUDE | C.SURVEIL | C.HARMV | C.TAKE, C.SECRET | C.ACCOUNT],
  'credentials:take-from-victim': [C.HARMV | C.TAKE | C.INTRUDE | C.SURVEIL, C.SECRET | C.ACCOUNT],
  'credentials:password-of': [C.SECRET, C.SURVEIL | C.TAKE | C.INTRUDE | C.INTRUDEW | C.EVADE],
  'credentials:harvesting-tool': [
    C.SECRET | C.ACCOUNT | C.INTRUDE | C.INTRUDEW,
    C.TAKE | C.INTRUDE | C.INTRUDEW | C.MALART | C.EVADE | C.SCALE,
  ],
  'credentials:steal-secrets': [C.HARMV | C.TAKE | C.INTRUDE | C.SURVEIL, C.SECRET | C.ACCOUNT],
  'credentials:abuse-leaked-keys': [C.INTRUDEW, C.SECRET | C.ACCOUNT],
  'credentials:their-secret': [C.SECRET | C.ACCOUNT, C.POSS],
  'credentials:surveil-person': [C.TARGET | C.POSS, C.SURVEIL | C.INTRUDE, C.ACCOUNT],
  'credentials:bug-device': [C.INTRUDE | C.INTRUDEW | C.HARMV, C.TARGET | C.POSS, C.ACCOUNT],
  'credentials:secret-object': [C.SECRET | C.ACCOUNT],
  'fraud:scam-artifact': [C.FRAUD | C.FRAUDX],
  'fraud:insurance-fraud': [C.FAKE | C.FRAUD | C.FRAUDX, C.DOC],
  'fraud:counterfeit-trade': [C.FAKE],
  'fraud:sell-personal-data': [C.MONEY | C.HARMV | C.TAKE | C.FRAUD | C.FRAUDX, C.SECRET | C.ACCOUNT],
  'fraud:scam-people': [C.FRAUD | C.FRAUDX],
  'fraud:forge-document': [C.FAKE],
  'fraud:commit-fraud': [C.FRAUD | C.FRAUDX],
  'fraud:launder-money': [C.FRAUD | C.FRAUDX],
  'fraud:use-identity': [C.FRAUD | C.FRAUDX, C.TARGET | C.POSS],
  'fraud:stolen-cards': [C.FRAUD | C.INTRUDEW],
  'fraud:pass-fakes': [C.FAKE],
  'fraud:spam-automation': [C.SCALE, C.MSG | C.DOC | C.ACCOUNT],
  'fraud:spread-disinformation': [C.FRAUD | C.FAKE | C.FRAUDX],
  'fraud:disinformation': [C.FRAUD | C.FAKE | C.FRAUDX],
  'fraud:review-fraud': [C.DOC, C.FAKE],
  'fraud:fraud-object': [C.DOC | C.FRAUD],
  'social_engineering:deceive-into': [C.TRICK | C.LOOK],
  'social_engineering:persuade-into': [C.MONEY | C.SECRET | C.ACCOUNT | C.TRICK, C.LOOK | C.TRICK | C.SURVEIL],
  'social_engineering:se-script': [C.TRICK | C.PHISH],
  'social_engineering:manipulate-person': [C.TRICK | C.LOOK],
  'social_engineering:pose-as-relative': [C.DECEIVE | C.LOOK],
  'social_engineering:gain-trust': [C.LOOK | C.TRICK],
  'social_engineering:story-to-comply': [C.SCRIPT, C.MONEY | C.HARMV | C.TAKE | C.SURVEIL | C.SECRET | C.ACCOUNT],
  'social_engineering:false-identity-claim': [C.TRICK | C.LOOK, C.BRAND | C.TARGET],
  'social_engineering:make-them-comply': [
    C.SCRIPT | C.MSG,
    C.MONEY | C.SECRET | C.ACCOUNT | C.HARMV | C.TAKE | C.SURVEIL,
    C.TRICK | C.LOOK | C.SURVEIL,
  ],
  'social_engineering:se-object': [C.SCRIPT | C.MSG],
};

/**
 * For object patterns (the loose layer) and a few broad cores: classes the sentence or a neighbour must hold, i.e.
 * the words of the gate cues that loose matches need anyway.
 */
const NEAR: Record<string, number[]> = {
  'malware:malware-object': [
    C.MALGATE | C.HARMV | C.TAKE | C.EVADE | C.EVADEW | C.TARGET | C.POSS | C.SECRET | C.MALOBJ | C.MONEY | C.BRAND,
  ],
  'phishing:message-object': [
    C.DECEIVE | C.LOOK | C.SECRET | C.MONEY | C.ACCOUNT | C.BRAND | C.EVADE | C.EVADEW | C.TARGET | C.TAKE,
  ],
  'credentials:secret-object': [
    C.TARGET | C.POSS | C.SECRET | C.EVADE | C.EVADEW,
    C.TAKE | C.INTRUDE | C.SURVEIL | C.INTRUDEW | C.SECRET,
  ],
  'fraud:fraud-object': [
    C.FAKE | C.TARGET | C.EVADE | C.EVADEW | C.FRAUD | C.FRAUDX | C.SCALE | C.DECEIVE | C.MONEY | C.LOOK,
  ],
  'social_engineering:se-object': [C.MONEY | C.TRICK | C.DECEIVE | C.LOOK | C.SECRET],
};

interface Compiled {
  category: AbuseCategory | 'any';
  role: (typeof INTENT_PATTERNS)[number]['role'];
  label: string;
  weight: number;
  gate: boolean;
  source: string;
  re: RE2;
  needs: number[];
  near: number[];
}

const PATTERNS: Compiled[] = INTENT_PATTERNS.map((p) => {
  const key = `${p.category}:${p.label}`;
  const needs = NEEDS[key];
  if ((p.role === 'core' || p.role === 'object') && !needs) throw new Error(`abuse: no class requirement for ${key}`);
  return {
    category: p.category,
    role: p.role,
    label: p.label,
    weight: p.weight,
    gate: p.gate === true,
    source: p.source,
    re: new RE2(p.source, 'iu'),
    needs: needs ?? [],
    near: NEAR[key] ?? [],
  };
});
const GATED = PATTERNS.filter((p) => p.role === 'core' || p.role === 'object');
/** Core and object patterns whose class requirements a sentence's classes meet, by class bits (bounded memo). */
const byNeeds = new Map<number, Compiled[]>();
const BY_NEEDS_MAX = 4096;
function gatedFor(bits: number): Compiled[] {
  let list = byNeeds.get(bits);
  if (!list) {
    list = GATED.filter((p) => meets(bits, p.needs));
    if (byNeeds.size >= BY_NEEDS_MAX) byNeeds.clear();
    byNeeds.set(bits, list);
  }
  return list;
}
const ASK = PATTERNS.filter((p) => p.role === 'ask');
const CUES = new Map<AbuseCategory, Compiled[]>(
  ABUSE_CATEGORIES.map((c) => [c, PATTERNS.filter((p) => p.role === 'cue' && p.category === c)]),
);
const DAMPERS = PATTERNS.filter((p) => p.role === 'defensive' || p.role === 'knowledge');
/** Each category's cues as one RE2 set: a sentence is scanned once for all of them (a set reports every match). */
const CUE_SETS = new Map(
  [...CUES].map(([c, list]) => [
    c,
    list.length > 1
      ? new RE2.Set(
          list.map((p) => p.source),
          'iu',
        )
      : undefined,
  ]),
);

/** The cues of a category that match a sentence, in pattern order: by its set, or pattern by pattern. */
export function cuesIn(category: AbuseCategory, sentence: string | Buffer): Compiled[] {
  const list = CUES.get(category) ?? [];
  const set = CUE_SETS.get(category);
  if (set) {
    try {
      const hit = new Uint8Array(list.length);
      for (const i of set.match(sentence)) hit[i] = 1;
      return list.filter((_, i) => hit[i] === 1);
    } catch {
      // The set's automaton ran out of memory: the patterns one by one give the same answer.
    }
  }
  return list.filter((p) => p.re.test(sentence));
}

const meets = (bits: number, needs: readonly number[]) => {
  for (const n of needs) if ((bits & n) === 0) return false;
  return true;
};

/** Labels of the patterns a text with these classes could reach (diagnostics). */
/** The prefilter's question: can anything score on a text with these word classes? */
export function mayScore(all: number): boolean {
  return GATED.some((p) => meets(all, p.needs) && meets(all, p.near)) || genericPossible(all);
}

/**
 * The segments of the last few texts: the intent, harm and persona scorers split the same prompt one after the other
 * (and the same segment strings then find their word streams by identity). Callers only read the array.
 */
const recentSegments = new Map<string, readonly string[]>();
const RECENT_SEGMENTS = 4;

/** Sentence-ish segments: split at line breaks and at . ! ? followed by a space; long runs are cut. */
export function segments(text: string): readonly string[] {
  const hit = recentSegments.get(text);
  if (hit) return hit;
  const out = segmentsUncached(text);
  if (recentSegments.size >= RECENT_SEGMENTS) recentSegments.delete(recentSegments.keys().next().value as string);
  recentSegments.set(text, out);
  return out;
}

function segmentsUncached(text: string): string[] {
  const out: string[] = [];
  const t = text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text;
  let start = 0;
  // `next`: where the following segment starts (past the whitespace after a full stop, at the character after 。).
  const push = (end: number, next = end + 1) => {
    if (out.length >= MAX_SEGMENTS) return;
    let s = t.slice(start, end).trim();
    while (s.length > MAX_SEGMENT && out.length < MAX_SEGMENTS) {
      out.push(s.slice(0, MAX_SEGMENT));
      s = s.slice(MAX_SEGMENT);
    }
    if (s.length > 0) {
      // Fragments ("Thanks." / "Step 1:") join the previous sentence so a request split by a list keeps its cues.
      if (s.length < 16 && out.length > 0 && out[out.length - 1].length + s.length < MAX_SEGMENT)
        out[out.length - 1] += ` ${s}`;
      else out.push(s);
    }
    start = next;
  };
  for (let i = 0; i < t.length && out.length < MAX_SEGMENTS; i++) {
    const c = t.charCodeAt(i);
    if (c === 10) push(i);
    else if ((c === 46 || c === 33 || c === 63) && (i + 1 >= t.length || t.charCodeAt(i + 1) <= 32)) push(i + 1);
    else if (c === 0x3002 || c === 0xff01 || c === 0xff1f) push(i + 1, i + 1);
  }
  if (start < t.length) push(t.length);
  return out;
}

/**
 * The last few texts scored, with their results: the abuse detector and the framing detector's harm scorer read the
 * same prompt one after the other. Small and bounded (oldest entry evicted).
 */
const recent = new Map<string, IntentScore[]>();
const RECENT = 4;

/** Score every category; returns only categories that scored, best first. Never throws on any string. */
export function scoreIntent(text: string): IntentScore[] {
  const hit = recent.get(text);
  if (hit) return hit;
  const out = scoreIntentUncached(text);
  if (recent.size >= RECENT) recent.delete(recent.keys().next().value as string);
  recent.set(text, out);
  return out;
}

function scoreIntentUncached(text: string): IntentScore[] {
  const t = text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text;
  const all = CLASSIFIER.classify(t);
  if (!mayScore(all)) return [];
  const segs = segments(t);
  const n = segs.length;
  if (n === 0) return [];
  const bits = new Uint32Array(n);
  for (let s = 0; s < n; s++) bits[s] = CLASSIFIER.classify(segs[s]);
  // RE2 converts a JS string to UTF-8 on every call; a sentence is tested by up to a few dozen patterns, so it is
  // encoded once (lazily: most sentences are never tested) and the patterns run on the bytes. Same matches.
  const utf8: Array<Buffer | undefined> = new Array(n);
  const seg = (s: number): Buffer => (utf8[s] ??= Buffer.from(segs[s], 'utf8'));

  // Core and object patterns, each only on sentences holding its word classes.
  const core: Array<Map<string, number> | undefined>[] = ABUSE_CATEGORIES.map(() => new Array(n));
  const object = ABUSE_CATEGORIES.map(() => new Uint8Array(n));
  const asked = new Int8Array(n); // 0 unknown, 1 yes, -1 no
  let any = false;
  for (let s = 0; s < n; s++) {
    const b = bits[s];
    if (b === 0) continue;
    const w = b | (s > 0 ? bits[s - 1] : 0) | (s + 1 < n ? bits[s + 1] : 0);
    for (const p of gatedFor(b)) {
      if (!meets(w, p.near) || !p.re.test(seg(s))) continue;
      const ci = ABUSE_CATEGORIES.indexOf(p.category as AbuseCategory);
      if (p.role === 'core') {
        const m = (core[ci][s] ??= new Map<string, number>());
        m.set(p.label, Math.max(m.get(p.label) ?? 0, p.weight));
        any = true;
      } else {
        object[ci][s] = 1;
        if (asked[s] === 0) asked[s] = ASK.some((a) => a.re.test(seg(s))) ? 1 : -1;
        if (asked[s] === 1) any = true;
      }
    }
  }
  const generic = genericIntent(bits);
  if (!any && generic.length === 0) return [];

  // Cues: only around sentences that hold a core or a loose ask + object, once per sentence and category.
  const cueCache = new Map<number, Compiled[]>();
  const cuesAt = (ci: number, s: number): Compiled[] => {
    const key = ci * MAX_SEGMENTS + s;
    let hit = cueCache.get(key);
    if (!hit) {
      hit = cuesIn(ABUSE_CATEGORIES[ci], seg(s));
      cueCache.set(key, hit);
    }
    return hit;
  };

  interface Raw {
    confidence: number;
    core: string[];
    cues: string[];
  }
  const raw = new Map<AbuseCategory, Raw>();
  for (let ci = 0; ci < ABUSE_CATEGORIES.length; ci++) {
    let best: Raw | undefined;
    for (let s = 0; s < n; s++) {
      const c = core[ci][s];
      const loose = object[ci][s] === 1 && asked[s] === 1;
      if (c === undefined && !loose) continue;
      const cues = new Map<string, number>();
      let gated = false;
      for (let w = Math.max(0, s - 1); w <= Math.min(n - 1, s + 1); w++) {
        for (const p of cuesAt(ci, w)) {
          cues.set(p.label, p.weight);
          if (p.gate) gated = true;
        }
      }
      const coreMap = new Map(c ?? []);
      if (coreMap.size === 0) {
        if (!gated) continue;
        coreMap.set('ask+object', LOOSE_CORE);
      }
      const weights = [...coreMap.values()].sort((a, b) => b - a);
      // A second, different core in the same sentence corroborates the first.
      const base = weights[0] + (weights.length > 1 ? 0.1 : 0);
      const cueSum = Math.min(
        CUE_CAP,
        [...cues.values()].reduce((a, b) => a + b, 0),
      );
      const confidence = Math.min(0.97, base + cueSum);
      if (!best || confidence > best.confidence)
        best = { confidence, core: [...coreMap.keys()], cues: [...cues.keys()] };
    }
    if (best) raw.set(ABUSE_CATEGORIES[ci], best);
  }
  const textTask = generic.length > 0 && TEXT_TASK_RE.test(t);
  for (const g of generic) {
    const prev = raw.get(g.category);
    const confidence = textTask ? g.confidence - TEXT_TASK_DAMP : g.confidence;
    if (!prev || confidence > prev.confidence)
      raw.set(g.category, {
        confidence,
        core: g.signals.slice(0, 1),
        cues: textTask ? [...g.signals.slice(1), 'text-task'] : g.signals.slice(1),
      });
  }
  if (![...raw.values()].some((r) => r.confidence >= SCORE_FLOOR)) return [];

  // Dampers: defensive framing or a knowledge question anywhere in the text (English patterns, then word classes).
  const dampened: string[] = [];
  let damp = 0;
  const whole = Buffer.from(t, 'utf8');
  for (const p of DAMPERS) {
    if (p.re.test(whole)) {
      dampened.push(p.label);
      damp += p.weight;
    }
  }
  if ((all & C.DEFENSE) !== 0 && !dampened.includes('defensive-framing')) {
    dampened.push('defensive-words');
    damp += 0.4;
  }
  if ((all & C.KNOW) !== 0 && !dampened.includes('knowledge-question')) {
    dampened.push('knowledge-words');
    damp += 0.3;
  }

  const scores: IntentScore[] = [];
  for (const [category, r] of raw) {
    const confidence = Math.max(0, Math.min(0.97, r.confidence - damp));
    scores.push({
      category,
      confidence: Math.round(confidence * 100) / 100,
      core: r.core,
      cues: r.cues,
      dampened: [...dampened],
    });
  }
  return scores.sort((a, b) => b.confidence - a.confidence);
}
