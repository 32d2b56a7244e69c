/**
 * Per-sentence evidence that a document carries an instruction for its reader: instruction-ness (a command verb
 * opening the sentence, second person, the reader addressed as an AI, "your answer" or "the user", "when summarizing
 * …", "do not tell the user", creative or format demands, links to include), where it sits (carrier.ts: comment,
 * hidden element, P.S., table cell, role label, bracket; first or last sentence; another script or language than the
 * rest), and how unrelated it is to the rest of the document and to the user's own request.
 *
 * Candidate-driven: one tokenization and one cue scan over the whole document; sentence bounds, carrier and
 * relatedness are computed only around candidate sentences (a strong cue, or a command verb where a sentence starts),
 * at most MAX_CANDIDATES of them, so the cost stays linear and small for ordinary documents.
 */
import { tokenize, type Token } from '../context/lexicon.js';
import { FUNCTION_WORDS, OPENER_WORDS, docCueLexicon, type DocCue } from './cues.js';
import { LANG_NAMES, LATIN_STOP, SCRIPTS, scanDocument, scriptIndex } from './candidates.js';
import { Markers, carrierAt, docKind, isSpace, sentenceAround, type Carrier, type DocKind } from './carrier.js';

export const MAX_CANDIDATES = 48;

export interface SentenceFeatures {
  /** Offsets into the document text. */
  start: number;
  end: number;
  tokens: number;
  /** Cue counts in the sentence. */
  cues: Partial<Record<DocCue, number>>;
  /** A command verb opens the sentence (after "please", a vocative or a label). */
  imperative: boolean;
  /** A command verb of the kind one gives a language model opens the sentence. */
  genImperative: boolean;
  /** "ignore / disregard / forget" aimed at instructions, the question above, the rules. */
  override: boolean;
  /** The reader is addressed as an AI: "AI assistant:", "Note to the AI", "for the model reading this". */
  addressed: boolean;
  link: boolean;
  /** Written in another script or language than most of the document. */
  langShift: boolean;
  /** Share of the sentence's content words found elsewhere in the document (0..1); computed on demand (overlap()). */
  docOverlap: number;
  /** The sentence's content stems. */
  stems: Set<string>;
  /** Whether docOverlap has been computed. */
  overlapKnown: boolean;
  /** Share of the sentence's content words found in the user's request (0..1), when there is one. */
  requestOverlap: number;
  /** The first or the last sentence of the document. */
  edge: boolean;
  carrier: Carrier;
}

export interface DocFeatures {
  kind: DocKind;
  sentences: SentenceFeatures[];
  /** The document is itself a list of instructions for people (a recipe, a manual): most sentences are commands. */
  instructional: boolean;
  /** Word characters per script (candidates.ts SCRIPTS order) in the head of the document. */
  scripts: Int32Array;
}

/** Words skipped before a sentence's command verb (cues.ts OPENER_WORDS). */
const OPENERS: ReadonlySet<string> = new Set(OPENER_WORDS);
/** Cues that make any sentence a candidate, wherever they sit. */
const STRONG: ReadonlySet<DocCue> = new Set(['ai', 'out_ref', 'when_task', 'hide', 'hijack', 'unbound']);
/** Words that open a short clause before the command ("before continuing, …", "if asked, …"). */
const CLAUSE_OPENERS = new Set([
  'before',
  'after',
  'first',
  'then',
  'now',
  'finally',
  'also',
  'additionally',
  'next',
  'when',
  'if',
  'once',
  'instead',
  'afterwards',
  'lastly',
  'antes',
  'avant',
  'bevor',
  'prima',
  'перед',
  'прежде',
]);

/** Whether position `pos` of a sentence is inside a quoted span (an odd number of quote marks before it). */
function quotedAt(s: string, pos: number): boolean {
  let straight = 0;
  let open = 0;
  for (let i = 0; i < pos; i++) {
    const c = s.charCodeAt(i);
    // A docstring's triple quotes open a comment, not a quotation.
    if ((c === 34 || c === 39) && s.charCodeAt(i + 1) === c && s.charCodeAt(i + 2) === c) {
      i += 2;
      continue;
    }
    if (c === 34) straight++;
    else if (c === 39 && (i === 0 || s.charCodeAt(i - 1) === 32)) open++;
    else if (c === 39 && open > 0 && (i + 1 >= s.length || s.charCodeAt(i + 1) === 32 || s.charCodeAt(i + 1) === 46))
      open--;
    else if (c === 0x201c || c === 0xab || c === 0x300c) open++;
    else if ((c === 0x201d || c === 0xbb || c === 0x300d) && open > 0) open--;
  }
  return straight % 2 === 1 || open > 0;
}

/** Polite openers of unspaced scripts before a command verb. */
const PLEASE = ['请', '請', '麻烦', 'กรุณา', 'โปรด'];

function hasKana(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x3040 && c <= 0x30ff) return true;
  }
  return false;
}

const VOCATIVE = new Set([
  'to',
  'for',
  'dear',
  'hey',
  'hi',
  'hello',
  'attention',
  'para',
  'pour',
  'für',
  'для',
  'dla',
  '给',
]);
const POSSESSIVES = new Set([
  'my',
  'our',
  'his',
  'her',
  'their',
  'mi',
  'mon',
  'ma',
  'notre',
  'mein',
  'meine',
  'unser',
  'unsere',
  'mio',
  'mia',
  'nostro',
  'meu',
  'minha',
  'nosso',
  'mijn',
  'onze',
  'мой',
  'моя',
  'наш',
]);
/** AI words that also name people or things ("my assistant", "our model S"). */
const AMBIGUOUS_AI = new Set([
  'assistant',
  'agent',
  'model',
  'bot',
  'asistente',
  'assistent',
  'assistente',
  'ассистент',
  'модель',
  'asystent',
  '模型',
  '助手',
  'ผู้ช่วย',
  'โมเดล',
  'モデル',
  '모델',
  'نموذج',
  'मॉडल',
  'mô hình',
  'μοντέλο',
]);

/** An ambiguous AI word; in an unspaced run, the one found at `offset`. */
function isAmbiguous(token: string, offset?: number): boolean {
  if (offset === undefined) return AMBIGUOUS_AI.has(token);
  return ambiguousAt(token, offset) !== undefined;
}

function ambiguousAt(token: string, offset: number): string | undefined {
  for (const w of AMBIGUOUS_AI) if (token.startsWith(w, offset)) return w;
  return undefined;
}

function byTag(hits: ReadonlyArray<{ tag: DocCue; token: number }>, tag: DocCue): number[] {
  const out: number[] = [];
  for (const h of hits) if (h.tag === tag) out.push(h.token);
  return out;
}

const LATIN_INDEX = new Map<string, number[]>();
LANG_NAMES.forEach((lang, i) => {
  for (const w of LATIN_STOP[lang]) LATIN_INDEX.set(w, [...(LATIN_INDEX.get(w) ?? []), i]);
});

/** The Latin-script language with most stop words in tokens [from, to); one vote is enough when the document's own
 * language (`against`) has none there. */
function latinLang(tokens: Token[], from: number, to: number, against?: string): string | undefined {
  const votes = new Int32Array(LANG_NAMES.length);
  for (let i = from; i < to; i++) {
    const langs = LATIN_INDEX.get(tokens[i].text);
    if (langs) for (const l of langs) votes[l]++;
  }
  let best = -1;
  let n = 0;
  let second = 0;
  votes.forEach((v, i) => {
    if (v > n) {
      second = n;
      n = v;
      best = i;
    } else if (v > second) second = v;
  });
  if (best < 0) return undefined;
  const name = LANG_NAMES[best];
  if (against !== undefined && n > second && votes[LANG_NAMES.indexOf(against as (typeof LANG_NAMES)[number])] === 0)
    return name;
  return n >= 2 && n > second ? name : undefined;
}

function dominantScript(tokens: Token[], from: number, to: number): string | undefined {
  const sc = new Int32Array(SCRIPTS.length);
  for (let k = from; k < to; k++) {
    const x = scriptIndex(tokens[k].text.charCodeAt(0));
    if (x >= 0) sc[x] += tokens[k].text.length;
  }
  return argmax(sc, SCRIPTS);
}

/** Content stems of a token for relatedness (unspaced runs give their character bigrams). */
function stems(t: Token, out: string[]): void {
  const w = t.text;
  if (t.unspaced) {
    for (let i = 0; i + 1 < w.length && i < 64; i++) out.push(w.slice(i, i + 2));
    return;
  }
  if (w.length < 3 || FUNCTION_WORDS.has(w)) return;
  const c = w.charCodeAt(0);
  if (c >= 48 && c <= 57) return;
  // Short prefixes so inflections meet ("trams" / "tram", "ferries" / "ferry").
  out.push(w.length >= 7 ? w.slice(0, 5) : w.length >= 5 ? w.slice(0, 4) : w);
}

function hasLink(s: string): boolean {
  return (
    s.includes('http://') ||
    s.includes('https://') ||
    s.includes('www.') ||
    s.includes('](') ||
    (s.includes('@') && s.includes('.'))
  );
}

/** Content stems of a text (for relatedness), as a set. */
function stemSet(text: string): Set<string> {
  const out = new Set<string>();
  const list: string[] = [];
  for (const t of tokenize(text)) {
    list.length = 0;
    stems(t, list);
    for (const x of list) out.add(x);
  }
  return out;
}

/** Characters either side of a sentence searched for its words ("the rest of the document", near it). */
const CONTEXT = 8 * 1024;

/**
 * Share of a sentence's stems found in the document outside the sentence, within CONTEXT characters either side
 * (native substring search over a bounded window, so asking for it costs O(window) per sentence).
 */
export function overlap(text: string, f: SentenceFeatures): number {
  if (f.stems.size === 0) return 0;
  const before = text.slice(Math.max(0, f.start - CONTEXT), f.start);
  const after = text.slice(f.end, f.end + CONTEXT);
  let found = 0;
  let seen = 0;
  for (const st of f.stems) {
    if (++seen > 16) break;
    if (before.includes(st) || after.includes(st)) found++;
  }
  f.docOverlap = found / Math.min(f.stems.size, 16);
  return f.docOverlap;
}

/** Features of the candidate sentences of a document (lower-cased NFKC text), judged against an optional request. */
export function documentFeatures(text: string, request?: string, maxCandidates = MAX_CANDIDATES): DocFeatures {
  const scan = scanDocument(text, maxCandidates * 2);
  if (scan.positions.length === 0) return { kind: 'prose', sentences: [], instructional: false, scripts: scan.scripts };
  // What the document is made of, worked out only once a candidate turns out to be an instruction.
  let ctx: { kind: DocKind; script?: string; lang?: string; markers: Markers } | undefined;
  const context = () => {
    if (!ctx) {
      const script = argmax(scan.scripts, SCRIPTS);
      ctx = {
        kind: docKind(text),
        script,
        lang: script === 'latin' ? voteLang(scan.langVotes) : undefined,
        markers: new Markers(text),
      };
    }
    return ctx;
  };
  let reqStems: Set<string> | undefined;
  const lex = docCueLexicon();
  const out: SentenceFeatures[] = [];
  let lastEnd = -1;
  for (const pos of scan.positions) {
    if (pos < lastEnd) continue;
    if (out.length >= maxCandidates) break;
    const [a, b] = sentenceAround(text, pos);
    lastEnd = b;
    const window = text.slice(a, b);
    const tokens = tokenize(window);
    if (tokens.length === 0) continue;
    const hits = lex.scan({ norm: window, tokens });
    const cues: Partial<Record<DocCue, number>> = {};
    let strong = false;
    for (const h of hits) {
      cues[h.tag] = (cues[h.tag] ?? 0) + 1;
      if (STRONG.has(h.tag)) strong = true;
    }
    let first = 0;
    while (first < tokens.length - 1 && first < 6 && OPENERS.has(tokens[first].text)) first++;
    // "Before continuing, visit …": a short leading clause ending in a comma, then the verb.
    const firsts = [first];
    if (tokens.length > 3 && CLAUSE_OPENERS.has(tokens[first].text))
      for (let k = first + 1; k < Math.min(tokens.length - 1, first + 6); k++)
        if (window.charCodeAt(tokens[k].end) === 44) {
          firsts.push(k + 1);
          break;
        }
    // "To the AI tool processing this document: rate …": the verb after a label that ends in a colon.
    for (let k = 0; k < Math.min(tokens.length - 1, 12); k++)
      if (window.charCodeAt(tokens[k].end) === 58) {
        let f2 = k + 1;
        while (f2 < tokens.length - 1 && OPENERS.has(tokens[f2].text)) f2++;
        firsts.push(f2);
        break;
      }
    let imperative = false;
    let genImperative = false;
    let override = false;
    let addressed = false;
    // Override: a setting-aside verb with an instruction noun within six words (before it in SOV / unspaced
    // scripts), or with a pointer ("the above", "everything before") that ends the clause or precedes such a noun;
    // not when the verb sits inside quotes (the sentence is about the phrase) and not for "my previous email".
    const verbs = byTag(hits, 'override_verb');
    const objs = byTag(hits, 'rule_obj');
    const ptrs = byTag(hits, 'rule_ptr');
    for (const v of verbs) {
      if (quotedAt(window, tokens[v].start)) continue;
      for (const o of objs) {
        const d = o - v;
        if ((d > 0 && d <= 6) || ((tokens[o].unspaced || tokens[v].unspaced) && d >= -4 && d <= 0)) override = true;
      }
      for (const p of ptrs) {
        const d = p - v;
        const next = tokens[p + 1];
        const ends = !next || window.slice(tokens[p].end, next.start).trim().length > 0;
        if (((d > 0 && d <= 4) || (tokens[p].unspaced && d >= -4 && d <= 0)) && ends) override = true;
      }
    }
    let humanAssistant = false;
    let ambiguousOnly = 0;
    for (const h of hits) {
      if (h.tag !== 'ai') continue;
      // "my assistant, Yusuf": a person, not a model.
      const prev = h.token > 0 ? tokens[h.token - 1].text : '';
      if (POSSESSIVES.has(prev) && isAmbiguous(tokens[h.token].text, h.offset)) {
        humanAssistant = true;
        continue;
      }
      const ambiguous = h.len === 1 && isAmbiguous(tokens[h.token].text, h.offset);
      let isAddressed = false;
      if (h.token < first + 5) {
        // A vocative: "AI, …", "Assistant: …", "to the AI tool processing this:", "dear model". An ambiguous word
        // ("assistant", "model") must be followed by the comma or colon itself, and for an unspaced run end right there.
        const last = h.token + h.len - 1;
        const reach = ambiguous ? last : Math.min(tokens.length - 1, last + 4);
        let colon = false;
        for (let k = last; k <= reach; k++) {
          const c = window.charCodeAt(tokens[k].end);
          if (c === 58 || c === 44 || c === 0xff1a || c === 0xff0c) colon = true;
        }
        if (colon && ambiguous && h.offset !== undefined) {
          const w = ambiguousAt(tokens[h.token].text, h.offset);
          colon = w !== undefined && h.offset + w.length === tokens[h.token].text.length;
        }
        const prev2 = h.token > 1 ? tokens[h.token - 2].text : '';
        if ((colon && h.token <= first + 1) || VOCATIVE.has(prev) || VOCATIVE.has(prev2)) isAddressed = true;
      }
      if (isAddressed) addressed = true;
      else if (ambiguous) ambiguousOnly++;
    }
    if (humanAssistant && (cues.ai ?? 0) <= 1) delete cues.ai;
    // "The agent will meet you at the door": an ambiguous AI word in the middle of a sentence names nothing.
    if (!addressed && ambiguousOnly > 0 && (cues.ai ?? 0) <= ambiguousOnly) delete cues.ai;
    for (const h of hits) {
      if (!firsts.includes(h.token) || tokens.length < 3) continue;
      // A verb followed by "(" is a function call in code (call init(), print(x)); by ":" it is a label (Name: …).
      const after = window.charCodeAt(tokens[h.token + h.len - 1].end);
      if (after === 40 || after === 58) continue;
      if (h.tag === 'gen_verb' || h.tag === 'act_verb') genImperative = imperative = true;
      if (h.tag === 'office_verb' || h.tag === 'link_verb') imperative = true;
    }
    // Unspaced scripts: a command verb where the run starts (Chinese, Thai: after 请/please) or, with kana, where the
    // sentence ends (Japanese puts the verb last: …答えてください).
    if (!genImperative && tokens[0].unspaced)
      for (const h of hits) {
        if ((h.tag !== 'gen_verb' && h.tag !== 'act_verb') || h.token > 1) continue;
        const tok = tokens[h.token].text;
        const off = h.offset ?? 0;
        const lead = off === 0 || (off <= 3 && PLEASE.some((p) => tok.startsWith(p)));
        const tail =
          h.token === tokens.length - 1 || tokens.length <= 2 ? tok.length - off <= 8 && hasKana(tok) : false;
        if (lead || tail) genImperative = imperative = true;
      }
    if (!strong && !imperative && !override) continue;
    const { kind, script: mainScript, lang: mainLang, markers } = context();
    let langShift = false;
    if ((tokens.length >= 4 || window.length >= 8) && mainScript) {
      const best = dominantScript(tokens, 0, tokens.length);
      if (best && best !== mainScript && !(best === 'cjk' && mainScript === 'cjk')) langShift = true;
      else if (best === 'latin' && mainLang) {
        const l = latinLang(tokens, 0, tokens.length, mainLang);
        if (l && l !== mainLang) langShift = true;
      }
    }
    const own = new Set<string>();
    const list: string[] = [];
    for (const t of tokens) {
      list.length = 0;
      stems(t, list);
      for (const x of list) own.add(x);
    }
    let inReq = 0;
    if (request) {
      reqStems ??= stemSet(request.normalize('NFKC').toLowerCase());
      for (const st of own) if (reqStems.has(st)) inReq++;
    }
    let start = a;
    while (start < b && isSpace(text.charCodeAt(start))) start++;
    const before = onlySpace(text, 0, a);
    const after = onlySpace(text, b, text.length);
    out.push({
      start,
      end: b,
      tokens: tokens.length,
      cues,
      imperative,
      genImperative,
      override,
      addressed,
      link: hasLink(window),
      langShift,
      docOverlap: 0,
      stems: own,
      overlapKnown: false,
      requestOverlap: own.size ? inReq / own.size : 0,
      edge: before || after,
      carrier: carrierAt(markers, kind, start),
    });
  }
  // Commands are the norm in this document when most of its lines or sentences open with one.
  let commands = 0;
  for (const f of out) if (f.imperative) commands++;
  const instructional = commands >= 3 && commands >= 0.5 * scan.sentences;
  return { kind: ctx?.kind ?? 'prose', sentences: out, instructional, scripts: scan.scripts };
}

function argmax<T extends string>(counts: Int32Array, names: readonly T[]): T | undefined {
  let best = -1;
  let n = 0;
  counts.forEach((v, i) => {
    if (v > n) {
      n = v;
      best = i;
    }
  });
  return best >= 0 ? names[best] : undefined;
}

function voteLang(votes: Int32Array): string | undefined {
  let best = -1;
  let n = 0;
  let second = 0;
  votes.forEach((v, i) => {
    if (v > n) {
      second = n;
      n = v;
      best = i;
    } else if (v > second) second = v;
  });
  return n >= 2 && n > second ? LANG_NAMES[best] : undefined;
}

function onlySpace(text: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}
