import RE2 from 're2';
import { RecentTextCache } from '../cache.js';
import type { ChannelText } from '../detector.js';
import { ENGLISH } from './patterns/english.js';
import { MULTILINGUAL } from './patterns/multilingual.js';
import { PROBING } from './patterns/probing.js';
import { BAIT_SWITCH } from './patterns/bait-switch.js';
import { ACCESS } from './patterns/access.js';
import { CIPHER_GAME } from './patterns/cipher-game.js';
import { MORE_LANGUAGES } from './patterns/more-languages.js';
import { deriveAnchors } from './anchors.js';
import type { Signal, SignalPattern } from './patterns/types.js';
import { AnchorPrefilter } from './prefilter.js';
import { prepare } from './prepare.js';

/**
 * All intent patterns, each compiled once on RE2, behind a literal prefilter: one pass of an Aho-Corasick automaton
 * over each pattern's anchors (derived from its source, see anchors.ts) says which patterns can possibly match, and only
 * those run — on ordinary text, none or one or two of ~180. Results are cached per ChannelText so the direct,
 * jailbreak, extraction, indirect and obfuscation detectors share one scan.
 */

export type SignalScores = Partial<Record<Signal, number>>;

/** The part of RE2.Set this module uses (the package does not export the Set type by name). */
interface SetMatcher {
  match(str: string | Buffer): number[];
}

export interface SignalResult {
  scores: SignalScores;
  /** Indexes of matched patterns (into signalPatterns()). */
  matched: number[];
  prepared: string;
}

// Per-signal caps: many weak hits of one kind must not add up to certainty.
const CAP: Record<Signal, number> = {
  override: 1.5,
  override_weak: 0.8,
  new_instructions: 1.0,
  hijack_output: 0.6,
  role_reassign: 1.0,
  spoof: 1.5,
  dan: 1.5,
  no_restrictions: 1.4,
  policy_disregard: 1.2,
  refusal_suppress: 1.4,
  dual_response: 1.0,
  dev_mode: 1.5,
  persona: 0.4,
  hypothetical: 0.4,
  extraction: 1.5,
  extraction_weak: 1.1,
  address_ai: 1.5,
  hidden: 1.0,
  exfil: 1.5,
  md_image: 1.5,
  tool_call: 1.2,
  imperative: 0.5,
  access_code: 1.5,
  prefix_inject: 1.2,
  secret_ask: 0.8,
  code_task: 1.0,
  cipher_key: 0.8,
  cipher_act: 1.0,
  meta: 1.0,
};

/** Longest prepared text scanned (characters); head and tail are kept beyond that. */
export const DEFAULT_MAX_CHARS = 64 * 1024;

export class SignalEngine {
  readonly patterns: readonly SignalPattern[];
  private readonly prefilter: AnchorPrefilter;
  private readonly sources: readonly string[];
  /**
   * Each pattern on its own, compiled on first use: a single pattern only verifies a prefilter candidate, and most
   * never are one, so compiling all of them up front would keep their programs and DFA caches (native memory) in
   * every worker for nothing. null: the source did not compile (never for the shipped patterns, which a test
   * compiles); it then matches nothing rather than throw on the hot path.
   */
  private readonly single: Array<RE2 | null | undefined>;
  /** Consecutive patterns compiled together (on first use too); a chunk with several candidates runs as one pass. */
  private readonly chunks: Array<SetMatcher | null | undefined>;
  private readonly cache = new WeakMap<ChannelText, SignalResult>();
  /** Results by raw text, the most recent first evicted last; at most BY_TEXT_CHARS characters of text in all. */
  private readonly byText = new RecentTextCache<SignalResult>(BY_TEXT_CHARS);

  constructor(
    patterns: readonly SignalPattern[],
    private readonly maxChars = DEFAULT_MAX_CHARS,
  ) {
    this.patterns = patterns;
    // A literal space in a pattern source means one whitespace character (prepared text keeps newlines).
    const sources = patterns.map((p) => p.re.split(' ').join('\\s'));
    this.sources = sources;
    this.single = new Array<RE2 | null | undefined>(sources.length).fill(undefined);
    this.chunks = new Array<SetMatcher | null | undefined>(Math.ceil(sources.length / CHUNK)).fill(undefined);
    this.prefilter = new AnchorPrefilter(sources.map((s) => deriveAnchors(s)));
  }

  /** How many single patterns and chunk sets are compiled so far (for tests and memory reports). */
  get compiled(): { single: number; chunks: number } {
    return { single: this.single.filter((r) => r).length, chunks: this.chunks.filter((c) => c).length };
  }

  // Prepared text is already lower-case, so no case-folding flag (it would only enlarge the automata).
  private singleAt(i: number): RE2 | null {
    let re = this.single[i];
    if (re === undefined) {
      try {
        re = new RE2(this.sources[i]!, 'u');
      } catch {
        re = null;
      }
      this.single[i] = re;
    }
    return re;
  }

  private chunkAt(c: number): SetMatcher | null {
    let set = this.chunks[c];
    if (set === undefined) {
      try {
        set = new RE2.Set(this.sources.slice(c * CHUNK, (c + 1) * CHUNK), 'u');
      } catch {
        set = null;
      }
      this.chunks[c] = set;
    }
    return set;
  }

  /** Indexes of the patterns the prefilter lets through for a prepared text (exposed for tests). */
  candidates(prepared: string): number[] {
    return prepared.length > 0 ? this.prefilter.candidates(prepared) : [];
  }

  /** Scan a prepared (already normalized) string. */
  scanPrepared(prepared: string): SignalResult {
    const matched: number[] = [];
    const candidates = this.candidates(prepared);
    if (candidates.length > 0) {
      // One UTF-8 conversion shared by every candidate (passing a string makes each call convert it again).
      const bytes = Buffer.from(prepared, 'utf8');
      for (let k = 0; k < candidates.length;) {
        const chunk = (candidates[k] / CHUNK) | 0;
        let end = k;
        while (end < candidates.length && ((candidates[end] / CHUNK) | 0) === chunk) end++;
        // Several candidates in one chunk: one set pass is cheaper than one pass each.
        const set = end - k >= CHUNK_MIN ? this.chunkAt(chunk) : null;
        if (set) for (const i of set.match(bytes)) matched.push(chunk * CHUNK + i);
        else for (let j = k; j < end; j++) if (this.singleAt(candidates[j]!)?.test(bytes)) matched.push(candidates[j]!);
        k = end;
      }
    }
    const scores: SignalScores = {};
    for (const i of matched) {
      const p = this.patterns[i];
      scores[p.signal] = Math.min(CAP[p.signal], (scores[p.signal] ?? 0) + p.weight);
    }
    return { scores, matched, prepared };
  }

  /**
   * Scan a channel text (cached per ChannelText, and per text while recent: a result depends on the text alone, and
   * an application sends the same system prompt on every span). Results are shared: callers only read them.
   */
  scan(ct: ChannelText): SignalResult {
    let r = this.cache.get(ct);
    if (!r) {
      r = this.byText.get(ct.text);
      if (!r) {
        r = this.scanPrepared(prepare(ct, this.maxChars).text);
        this.byText.set(ct.text, r);
      }
      this.cache.set(ct, r);
    }
    return r;
  }

  /** A short snippet of what the strongest matched pattern of the given signals matched (for evidence). */
  evidence(result: SignalResult, signals: readonly Signal[], maxLen = 120): string {
    let best = -1;
    for (const i of result.matched) {
      const p = this.patterns[i];
      if (signals.includes(p.signal) && (best < 0 || p.weight > this.patterns[best].weight)) best = i;
    }
    if (best < 0) return '';
    const m = this.singleAt(best)?.exec(result.prepared);
    if (!m) return '';
    const s = m[0].replace(CONTROL, ' ').trim();
    return s.length > maxLen ? `${s.slice(0, maxLen - 1)}…` : s;
  }

  /** Ids of the matched patterns for the given signals (for finding details). */
  patternIds(result: SignalResult, signals: readonly Signal[]): string[] {
    const out: string[] = [];
    for (const i of result.matched) if (signals.includes(this.patterns[i].signal)) out.push(this.patterns[i].id);
    return out.slice(0, 8);
  }
}

// Chunk size that RE2.Set compiles without exhausting its automaton memory, and the candidate count from which a
// chunk runs as one set pass rather than pattern by pattern.
const CHUNK = 16;
/** Characters of raw text whose scan results are kept by text (about 2 bytes each, twice: text and prepared). */
const BY_TEXT_CHARS = 512 * 1024;
const CHUNK_MIN = 3;
const CONTROL = new RE2('[\\x00-\\x1f\\x7f]+', 'g');

let shared: SignalEngine | undefined;

/** Every intent pattern the shared engine runs, in engine order. */
export const SIGNAL_PATTERNS: readonly SignalPattern[] = [
  ...ENGLISH,
  ...MULTILINGUAL,
  ...ACCESS,
  ...PROBING,
  ...BAIT_SWITCH,
  ...CIPHER_GAME,
  ...MORE_LANGUAGES,
];

/** The process-wide engine, compiled on first use (the detectors' warm() calls this at start-up). */
export function signalEngine(): SignalEngine {
  if (!shared) shared = new SignalEngine(SIGNAL_PATTERNS);
  return shared;
}
