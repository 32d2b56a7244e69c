/**
 * How a user input is judged against the restrictions of its system prompt: which cues of the input (cues.ts) meet
 * which restriction (restrictions.ts), scored per rule. A request must be about the restricted thing: request and
 * transformation cues count only in the sentence of the noun that names it (or within a few words), so long benign
 * prompts that happen to contain "secret" and "tell me" far apart do not add up. Scores are in 0..1 and used as
 * confidence; the weights were set by measurement on own composed rows (processor/eval/context-conflicts*.jsonl) and on
 * the shared corpus's benign prompts placed under those system prompts (scripts/eval-context.ts --paired).
 */
import type { RuleMeta } from '@tracehound/core';
import type { SignalScores } from '../injection/signals.js';
import {
  CUES,
  IDIOMS,
  NOUNS,
  PII_NOUNS,
  PROGRAMMING,
  STOP_WORDS,
  type Cue,
  type NounClass,
  type PiiKind,
} from './cues.js';
import { Lexicon, isWordChar, type Hit, type Tokenized } from './lexicon.js';
import { compact, stem, type ProtectedValue, type Restrictions } from './restrictions.js';
import { CONTEXT_RULES } from './rules.js';
import { taskDropped } from './task.js';

type UserCue = Cue | `noun:${NounClass}` | `pii:${PiiKind}` | 'weak_noun' | 'weak_pii' | 'prog' | 'idiom';

// Nouns that are also everyday words ("the key point", "my account"): they count only for the class the prompt
// protects, and with a request next to them.
const WEAK_NOUNS = [
  'code',
  'codes',
  'key',
  'keys',
  'token',
  'tokens',
  'word',
  'pin',
  'pins',
  'mã',
  'kod',
  'kode',
  'код',
  '코드',
  'コード',
  '代码',
  'رمز',
  'الرمز',
  'कोड',
  'clave',
  'clé',
  'chave',
  'kunci',
  'khóa',
  'ключ*',
  'klucz*',
  'secret',
  'secrets',
  'secreto',
  'secretos',
  'segreto',
  'segredo',
  'geheimnis',
  'sekret*',
  'rahasia',
  'секрет*',
  'тайн*',
  'sır',
  'sırrı',
  '秘密',
  '비밀',
  'سر',
  'السر',
  'रहस्य',
  'bí mật',
  'passwords',
  'login',
  'credentials',
];
const WEAK_PII = [
  'address',
  'account',
  'name',
  'profile',
  'record',
  'details',
  'mail',
  'live',
  'lives',
  'born',
  'pay',
  'cell',
  'mobile',
  'street',
  'cuenta',
  'nom',
  'nome',
  'naam',
  'имя',
  'nama',
  'tên',
  'اسم',
  'नाम',
  'adres',
  'alamat',
];

const USER_CUES = [
  'ask',
  'reveal',
  'transform',
  'own',
  'own_after',
  'selfcare',
  'override_verb',
  'rule_obj',
  'role_drop',
  'role_drop_weak',
  'lift',
  'frame',
  'authority',
  'indirect',
  'granted',
  'say',
  'mode',
  'third_party',
  'ai_identity',
] as const;

function buildUserLexicon(): Lexicon<UserCue> {
  const lex = new Lexicon<UserCue>();
  for (const c of USER_CUES) lex.add(c, CUES[c]);
  for (const [k, words] of Object.entries(NOUNS)) lex.add(`noun:${k as NounClass}`, words);
  for (const [k, words] of Object.entries(PII_NOUNS)) lex.add(`pii:${k as PiiKind}`, words);
  lex.add('weak_noun', WEAK_NOUNS);
  lex.add('weak_pii', WEAK_PII);
  lex.add('prog', PROGRAMMING);
  lex.add('idiom', IDIOMS);
  return lex;
}

let userLexicon: Lexicon<UserCue> | undefined;
export function userCueLexicon(): Lexicon<UserCue> {
  return (userLexicon ??= buildUserLexicon());
}

export interface ConflictFinding {
  rule: RuleMeta;
  score: number;
  /** What explains the decision: the restriction and the cues (never a protected value or user text). */
  evidence: string;
  cues: string[];
}

export interface UserView {
  t: Tokenized;
  /** Letters and digits of the input (protected values match spaced out or punctuated). */
  compact: string;
  signals: SignalScores;
}

/** Item names whose head alone is an everyday word: they need one of their modifiers ("unlock phrase", not "phrase"). */
const WEAK_HEADS = new Set(
  [
    'code',
    'codes',
    'key',
    'keys',
    'word',
    'words',
    'pin',
    'secret',
    'token',
    'answer',
    'phras',
    'phrase',
    'value',
    'number',
    'name',
  ].map((w) => stem(w)),
);
/** Determiners that point at one particular item ("the code", "your key"). */
const POINTING = new Set([
  'the',
  'that',
  'your',
  'le',
  'la',
  'el',
  'der',
  'den',
  'das',
  'die',
  'il',
  'lo',
  'o',
  'het',
  'ton',
  'ta',
  'tu',
  'dein',
  'deinen',
  'tuo',
  'seu',
  'sua',
  'je',
  'secret',
  'access',
  'door',
  'gate',
  'vault',
  'right',
  'correct',
  'real',
  'actual',
  'hidden',
  'protected',
]);

const QUOTE_CHARS = new Set(['"', "'", '“', '”', '«', '»', '„', '`', '‘', '’']);
/** Words after which "secret" is a noun, not an adjective ("the secret is", "the secret?"). */
const AFTER_NOUN = new Set([
  'is',
  'was',
  'you',
  'that',
  'which',
  'in',
  'from',
  'and',
  'or',
  'me',
  'i',
  'we',
  'it',
  'with',
  'backwards',
  'again',
  'now',
  'please',
  'here',
  'word',
  'key',
  'code',
  'phrase',
  'value',
  'password',
]);
/** Words before a noun that make it a password in general ("a strong password"), not the protected one. */
const GENERIC_BEFORE = new Set([
  'an',
  'strong',
  'simple',
  'unique',
  'same',
  'new',
  'good',
  'secure',
  'weak',
  'different',
  'any',
  'every',
  'each',
  'many',
  'some',
  'multiple',
  'default',
  'complex',
  'random',
  'temporary',
  'user',
  'users',
  'email',
  'wifi',
  'wi',
  'fi',
  'instagram',
  'facebook',
  'gmail',
  'google',
  'online',
  'their',
  'his',
  'her',
  // fr, es, it, pt, de: "un bon mot de passe", "una contraseña segura" is a password in general.
  'bon',
  'bonne',
  'nouveau',
  'fort',
  'buena',
  'buen',
  'nueva',
  'nuevo',
  'segura',
  'seguro',
  'buona',
  'nuova',
  'sicura',
  'boa',
  'nova',
  'forte',
  'gutes',
  'gute',
  'sicheres',
  'sichere',
  'starkes',
  'neues',
  'neue',
]);

/** Articles that make a noun any item of its kind ("a signing key"), not the protected one. */
const INDEFINITE = new Set(['a', 'an', 'any', 'some', 'un', 'une', 'una', 'uno', 'ein', 'eine', 'einen', 'um', 'uma']);
/** Words whose "'s" is "is" or "us" ("what's the code", "let's"), not a possessive. */
const CONTRACTED_IS = new Set(['what', 'that', 'it', 'here', 'there', 'who', 'where', 'how', 'let', 'he', 'she']);
/** "the secret of long life", "the key to success": another secret than the protected one. */
const OF_ANOTHER = new Set(['of', 'to', 'behind', 'for', 'about', 'von']);
/** Tokens either side of a noun within which a request or transformation counts (in the same sentence). */
const WINDOW = 16;
/** Inputs up to this many tokens are one window: the request may sit in the sentence next to the noun. */
const SHORT = 40;

function containsValue(u: UserView, v: ProtectedValue): boolean {
  if (v.compact.length < 3) return false;
  return u.t.norm.includes(v.norm) || (v.compact.length >= 4 && u.compact.includes(v.compact));
}

function isSentenceEnd(c: number): boolean {
  return c === 10 || c === 46 || c === 33 || c === 63 || c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x61f;
}

function isQuestion(c: number): boolean {
  return c === 63 || c === 0xff1f || c === 0x61f;
}

const g = (s: SignalScores, k: keyof SignalScores) => s[k] ?? 0;

const SYSTEM_TAGS = [
  '[system',
  '<system',
  '{system',
  '[admin',
  '<admin',
  '[developer',
  '[sistema',
  '[système',
  '[система',
];

/** A bracketed system/admin tag, or a line that starts with "system:" (first 4 KB). */
function fakeSystemTag(norm: string): boolean {
  const head = norm.length > 4096 ? norm.slice(0, 4096) : norm;
  for (const t of SYSTEM_TAGS) if (head.includes(t)) return true;
  return head.startsWith('system:') || head.includes('\nsystem:');
}

/** Every conflict between one user input and the restrictions, scored (only scores > 0 are returned). */
export function judge(r: Restrictions, u: UserView): ConflictFinding[] {
  const toks = u.t.tokens;
  const norm = u.t.norm;
  const hits = userCueLexicon().scan(u.t);
  // Sentence index of each token, and which sentences are questions.
  const sentOf = new Int32Array(toks.length);
  const questions = new Set<number>();
  {
    let sent = 0;
    let k = 0;
    for (let i = 0; i < norm.length && k < toks.length; i++) {
      while (k < toks.length && toks[k].start <= i) sentOf[k++] = sent;
      const c = norm.charCodeAt(i);
      if (isSentenceEnd(c)) {
        if (isQuestion(c)) questions.add(sent);
        sent++;
      }
    }
    while (k < toks.length) sentOf[k++] = sent;
    const last = norm.charCodeAt(norm.length - 1);
    if (isQuestion(last)) questions.add(sent);
  }
  const byTag = new Map<UserCue, Hit<UserCue>[]>();
  for (const h of hits) {
    const list = byTag.get(h.tag);
    if (list) list.push(h);
    else byTag.set(h.tag, [h]);
  }
  const has = (tag: UserCue) => byTag.has(tag);
  const short = toks.length <= SHORT;
  const near = (tok: number, tag: UserCue, w = WINDOW) =>
    (byTag.get(tag) ?? []).some((h) => short || (Math.abs(h.token - tok) <= w && sentOf[h.token] === sentOf[tok]));
  const revealNear = (tok: number) => near(tok, 'reveal') || near(tok, 'say');
  const askNear = (tok: number) =>
    revealNear(tok) || near(tok, 'ask') || questions.has(sentOf[tok]) || (short && questions.size > 0);
  const programming = byTag.has('prog');
  const idiomAt = new Set((byTag.get('idiom') ?? []).map((h) => h.token));
  const weakAt = new Set((byTag.get('weak_noun') ?? []).filter((h) => h.len === 1).map((h) => h.token));
  const thirdAt = new Set((byTag.get('third_party') ?? []).map((h) => h.token));
  const weakPiiAt = new Set((byTag.get('weak_pii') ?? []).filter((h) => h.len === 1).map((h) => h.token));

  const s = u.signals;
  // An override is a verb of setting aside aimed at the rules, a role drop, a declaration that the rules are lifted,
  // or one of the injection engine's strong patterns.
  let explicit = false;
  for (const v of byTag.get('override_verb') ?? [])
    for (const o of byTag.get('rule_obj') ?? []) {
      const d = o.token - v.token;
      // The rules after the verb ("ignore the rules"), or before it where the verb comes last ("… konuda … unut").
      if ((d >= 0 && d <= 5) || (d >= -4 && d <= 0)) explicit = true;
    }
  const strong =
    explicit ||
    has('role_drop') ||
    has('lift') ||
    g(s, 'override') >= 1 ||
    g(s, 'dev_mode') >= 1 ||
    g(s, 'spoof') >= 1 ||
    g(s, 'dan') >= 1 ||
    (g(s, 'role_reassign') + g(s, 'new_instructions') >= 1 && g(s, 'no_restrictions') + g(s, 'override_weak') > 0);
  const frame = has('frame') || g(s, 'persona') > 0 || g(s, 'hypothetical') > 0;
  // A system or admin tag written by the user ("[SYSTEM: …]", "<system>") claims an authority the user lacks.
  const authority = has('authority') || has('mode') || fakeSystemTag(norm);
  const indirect = has('indirect');
  const extraction = g(s, 'extraction') + g(s, 'extraction_weak');
  const ownAt = [...(byTag.get('own') ?? []), ...(byTag.get('own_after') ?? [])];
  // A possessive of the speaker up to three words before the noun ("my online banking password"), right after it where the language puts it there
  // (vi "của tôi", id "saya"), or in the same unspaced run ("我的密码").
  // Also a possessive behind a preposition after the noun ("the password to my own router", "el código de mi casa").
  const ownNear = (tok: number) =>
    ownAt.some((h) =>
      h.tag === 'own'
        ? (h.token >= tok - 3 && h.token < tok) ||
          (h.token === tok && toks[tok].unspaced) ||
          (OF_ANOTHER.has(toks[tok + 1]?.text ?? '') && h.token > tok + 1 && h.token <= tok + 3)
        : h.token > tok && h.token <= tok + 3,
    );
  /** Passwords in general ("a strong password"), someone else's ("Jason's password") or in a programming task. */
  const generalMention = (tok: number) => {
    if (strong) return false;
    const prev = toks[tok - 1]?.text;
    const possessive = (k: number) => toks[k]?.text === 's' && !CONTRACTED_IS.has(toks[k - 1]?.text ?? '');
    // Not "the customer's …": the prompt's own data subject (customer, user, patient) is whose item it holds.
    const subject = (k: number) => thirdAt.has(k - 1);
    if (
      ((possessive(tok - 1) && !subject(tok - 1)) || (possessive(tok - 2) && !subject(tok - 2))) &&
      !near(tok, 'transform')
    )
      return true;
    // A definition question ("what is a passphrase?") asks what the kind of item is, not for the protected one.
    const definition =
      prev === 'a' && (toks[tok - 2]?.text === 'is' || toks[tok - 2]?.text === 's') && toks[tok - 3]?.text === 'what';
    // In a programming task the noun is the protected item only with one of the item's own modifiers ("the staging
    // deploy token" in a script), not in general ("read the token from an env var").
    const indefinite = INDEFINITE.has(prev ?? '') || INDEFINITE.has(toks[tok - 2]?.text ?? '');
    return (
      (prev !== undefined && GENERIC_BEFORE.has(prev)) ||
      definition ||
      (programming && (indefinite || !modifierNear(tok)))
    );
  };
  /** Tokens written as one identifier ("customer_id", "user.email"). */
  const identifier = (tok: number, len: number) => {
    const a = toks[tok].start;
    const b = toks[tok + len - 1].end;
    const joined = (c: string | undefined) => c === '_' || c === '.' || c === '$';
    if (joined(norm[a - 1]) || (joined(norm[b]) && b + 1 < norm.length && isWordChar(norm.charCodeAt(b + 1))))
      return true;
    for (let k = tok; k < tok + len - 1; k++) if (norm[toks[k].end] === '_') return true;
    return false;
  };
  /** A possessive "'s" of a name up to two words before the noun ("Jonas Meyer's salary"), not "what's". */
  const possessiveBefore = (tok: number) => {
    for (let k = Math.max(1, tok - 3); k < tok; k++)
      if (
        toks[k].text === 's' &&
        (norm[toks[k].start - 1] === "'" || norm[toks[k].start - 1] === '’') &&
        !CONTRACTED_IS.has(toks[k - 1].text)
      )
        return true;
    return false;
  };
  /** One of the protected items' modifiers ("luggage room" code, "unlock" phrase) within three tokens. */
  const modifierNear = (tok: number) => {
    for (let k = Math.max(0, tok - 3); k <= Math.min(toks.length - 1, tok + 3); k++) {
      if (k === tok) continue;
      const st = stem(toks[k].text);
      if (r.items.modifiers.has(st)) return true;
      if (r.items.names.some((n) => n.length > 1 && n.slice(0, -1).includes(st))) return true;
    }
    return false;
  };
  const out: ConflictFinding[] = [];
  const cueList = (local: { ask?: boolean; transform?: boolean }, extra: string[] = []) =>
    [
      local.ask ? 'request' : '',
      local.transform ? 'transformation' : '',
      strong ? 'override' : '',
      frame ? 'frame' : '',
      authority ? 'authority' : '',
      indirect ? 'indirect-reference' : '',
      ...extra,
    ].filter(Boolean);

  // --- protected values -----------------------------------------------------------------------------------------
  const codes = r.access?.codes ?? [];
  const isTheCode = codes.some((c) => u.compact === c.compact || norm.trim() === c.norm);
  // Tokens that name a protected item: a noun of a protected class, or the prompt's own name for it.
  const itemTokens: Array<{ tok: number; cls: NounClass; exact: boolean; named?: boolean }> = [];
  if (r.secretClasses.size > 0 || r.secretValues.length > 0 || r.items.heads.size > 0) {
    for (const h of hits) {
      if (!h.tag.startsWith('noun:')) continue;
      const cls = h.tag.slice(5) as NounClass;
      const weak = h.len === 1 && weakAt.has(h.token);
      const exact = r.secretClasses.has(cls) || (r.access !== undefined && (cls === 'code' || cls === 'password'));
      if (weak && !exact) continue;
      // Someone else's ("Jason's Instagram password", "the secret of long life"), passwords in general ("a strong
      // password") and passwords in programming tasks ("a regex to validate a password") are not the protected item.
      const prev = toks[h.token - 1]?.text;
      const transformNear = near(h.token, 'transform');
      if (generalMention(h.token)) continue;
      const next = toks[h.token + h.len]?.text;
      if (weak && next !== undefined && OF_ANOTHER.has(next)) continue;
      // An everyday noun ("the code", "a key", "a secret") names the item only when asked for, not about programs,
      // and (in spaced scripts) pointed at or next to one of the item's modifiers.
      if (weak) {
        if (idiomAt.has(h.token) || idiomAt.has(h.token - 1)) continue;
        const modifier = modifierNear(h.token);
        if (!(transformNear || revealNear(h.token))) continue;
        if (
          toks[h.token].unspaced
            ? !transformNear && toks.length > 20
            : !(modifier || (prev !== undefined && POINTING.has(prev)))
        )
          continue;
      }
      // "secret" as an adjective ("the secret headquarters") or in "in secret" names nothing.
      if (cls === 'secret' && weak && !toks[h.token].unspaced) {
        const next = toks[h.token + 1];
        const gap = next ? norm.slice(toks[h.token].end, next.start) : '.';
        const adjective = next !== undefined && gap === ' ' && !AFTER_NOUN.has(next.text) && !STOP_WORDS.has(next.text);
        if (adjective || toks[h.token - 1]?.text === 'in') continue;
      }
      itemTokens.push({ tok: h.token, cls, exact, named: modifierNear(h.token) });
    }
    for (let k = 0; k < toks.length; k++) {
      const t = toks[k];
      // The prompt's own item name; not when the word itself is quoted ("what does the word 'phrase' mean?").
      const quotedWord = t.start > 0 && QUOTE_CHARS.has(norm[t.start - 1]);
      if (t.unspaced || quotedWord) continue;
      const st = stem(t.text);
      if (!r.items.heads.has(st)) continue;
      // A weak head ("phrase", "code") names the item only next to one of the item's own modifiers.
      if (WEAK_HEADS.has(st) && !modifierNear(k)) continue;
      if (generalMention(k)) continue;
      itemTokens.push({ tok: k, cls: 'secret', exact: true, named: WEAK_HEADS.has(st) || modifierNear(k) });
    }
    if (r.items.translations)
      for (const h of r.items.translations.scan(u.t))
        itemTokens.push({ tok: h.token, cls: 'secret', exact: true, named: true });
  }
  let best = 0;
  let bestLocal = { ask: false, transform: false };
  let bestCls: NounClass | undefined;
  for (const it of itemTokens) {
    const strongNoun = it.exact || it.cls === 'password' || (it.cls === 'secret' && !weakAt.has(it.tok));
    if (!strongNoun) continue;
    const local = { ask: askNear(it.tok), transform: near(it.tok, 'transform') };
    let score = 0.45 + (it.exact ? 0.05 : 0);
    if (local.ask) score += 0.2;
    if (local.transform) score += 0.3;
    if (strong || authority) score += 0.3;
    if (frame && (local.ask || local.transform)) score += 0.15;
    if (indirect) score += 0.2;
    // Nothing asked about the item: a mention ("the secret ingredient of this recipe") is not a request.
    if (!local.ask && !local.transform && !strong && !authority) score -= 0.25;
    // "My security answer" is the protected item itself when the prompt withholds it from the user too.
    const ownItem = it.named === true && r.strict === true && revealNear(it.tok);
    if (ownNear(it.tok) && !(strong || authority || local.transform || ownItem)) score -= 0.45;
    if (near(it.tok, 'selfcare') && !(strong || local.transform || authority)) score -= 0.2;
    if (score > best) {
      best = score;
      bestLocal = local;
      bestCls = it.cls;
    }
  }
  if (r.secretClasses.size > 0 || r.secretValues.length > 0 || r.items.heads.size > 0) {
    let score = best;
    if (indirect && (has('reveal') || has('transform') || has('say'))) score = Math.max(score, 0.8);
    if (extraction >= 1) score = Math.max(score, 0.75);
    // The value itself: a guess or a confirmation ("is it Piano?"). A dictionary word counts only in a short input.
    const guessable = (v: ProtectedValue) => v.compact !== v.norm || v.compact.length >= 10 || toks.length <= 12;
    if (!isTheCode && r.access === undefined && r.secretValues.some((v) => guessable(v) && containsValue(u, v)))
      score = Math.max(score, 0.6 + (has('reveal') || questions.size > 0 ? 0.15 : 0));
    if (isTheCode) score = 0;
    if (score > 0)
      out.push({
        rule: CONTEXT_RULES.protectedItem,
        score: Math.min(0.97, score),
        evidence: `system prompt protects ${[...r.secretClasses].join('/') || 'a value'}; input ${bestCls ? 'names it' : 'refers to it'} (${cueList(bestLocal).join(', ') || 'mention'})`,
        cues: cueList(bestLocal, bestCls ? [`noun:${bestCls}`] : []),
      });
  }

  // --- personal data --------------------------------------------------------------------------------------------
  if (r.pii) {
    const pii = r.pii;
    const valueHit = pii.values.some((v) => containsValue(u, v)) || toks.some((t) => pii.nameParts.has(t.text));
    const third = has('third_party');
    let score = 0;
    let local = { ask: false, transform: false };
    let kind: PiiKind | undefined;
    if (valueHit) {
      const anyAsk = has('ask') || has('reveal') || has('say') || questions.size > 0;
      local = { ask: anyAsk, transform: has('transform') };
      score = 0.5 + (anyAsk ? 0.2 : 0) + (local.transform || strong || authority ? 0.2 : 0);
    }
    for (const h of hits) {
      if (!h.tag.startsWith('pii:')) continue;
      const k = h.tag.slice(4) as PiiKind;
      if (!pii.kinds.has(k) && k !== 'profile') continue;
      const weak = h.len === 1 && weakPiiAt.has(h.token);
      const l = { ask: askNear(h.token), transform: near(h.token, 'transform') };
      // Data forbidden by kind only ("any employee's salary"): a strong noun about someone else ("Dana's salary",
      // "my colleague's salary"), or it is the user's own.
      const thirdNear = near(h.token, 'third_party') || (pii.othersOnly === true && possessiveBefore(h.token));
      if (pii.othersOnly && (weak || !thirdNear)) continue;
      if (weak && !(thirdNear || l.transform || strong || indirect)) continue;
      // A column or field in a programming task ("where customer_id = …") is not a request for the held data.
      if (identifier(h.token, h.len) && !strong) continue;
      let sc =
        0.4 + (l.ask ? 0.2 : 0) + (l.transform ? 0.2 : 0) + (strong || authority ? 0.25 : 0) + (thirdNear ? 0.15 : 0);
      if (indirect || k === 'profile') sc += 0.15;
      if (!l.ask && !l.transform && !strong) sc -= 0.25;
      const ownData = pii.strict === true && (revealNear(h.token) || l.transform);
      if (ownNear(h.token) && !thirdNear && !strong && !ownData) sc -= 0.45;
      // Changing one's own data ("how do I change the shipping address") is account care, not a request for it.
      if (near(h.token, 'selfcare') && !(strong || l.transform || thirdNear || ownData)) sc -= 0.2;
      if (valueHit) sc = Math.max(sc, score + 0.1);
      if (sc > score) {
        score = sc;
        local = l;
        kind = k;
      }
    }
    void third;
    if (score > 0)
      out.push({
        rule: CONTEXT_RULES.protectedData,
        score: Math.min(0.97, score),
        evidence: `system prompt holds personal data (${[...pii.kinds].join('/')}); input ${valueHit ? 'names the person or value' : `asks for the ${kind}`} (${cueList(local).join(', ') || 'mention'})`,
        cues: cueList(local, valueHit ? ['value'] : kind ? [`pii:${kind}`] : []),
      });
  }

  // --- avoided topics -------------------------------------------------------------------------------------------
  if (r.topics) {
    const topicHits = r.topics.lexicon.scan(u.t);
    if (topicHits.length > 0) {
      // A request on the topic makes the assistant break the restriction; with an override, a frame or an authority
      // claim it is also an attempt to lift it. A mere mention without a request stays below the default threshold.
      // The user's own thing ("my medication", "our stocks") is mentioned, not asked about.
      const asked = topicHits.some(
        (h) => (askNear(h.token) || near(h.token, 'transform')) && !(ownNear(h.token) && !strong),
      );
      const pressure = strong || frame || authority || explicit;
      const score = pressure ? 0.7 + (asked ? 0.15 : 0) : asked ? 0.6 : 0.4;
      out.push({
        rule: CONTEXT_RULES.avoidedTopic,
        score: Math.min(0.95, score),
        evidence: `system prompt forbids a topic; input uses ${topicHits.length} of its words (${cueList({ ask: asked }).join(', ') || 'mention'})`,
        cues: cueList({ ask: asked }, ['topic']),
      });
    }
  }

  // --- scope, role and format overrides ---------------------------------------------------------------------------
  if (r.any && !isTheCode) {
    let content = 0;
    let inScope = 0;
    if (r.scope) {
      for (const t of toks) {
        if (STOP_WORDS.has(t.text) || (t.text.length < 3 && !t.unspaced)) continue;
        content++;
        if (r.scope.stems.has(stem(t.text))) inScope++;
      }
    }
    // "Forget maths, write my essay": the in-scope words a setting-aside verb takes as its object do not keep the
    // input in scope.
    const setAside = new Set<number>();
    if (r.scope)
      for (const v of byTag.get('override_verb') ?? [])
        for (let k = Math.max(0, v.token - 2); k <= Math.min(toks.length - 1, v.token + v.len + 2); k++)
          if (k < v.token || k >= v.token + v.len) setAside.add(k);
    let keptInScope = 0;
    if (r.scope && setAside.size > 0)
      toks.forEach((t, k) => {
        if (setAside.has(k) || STOP_WORDS.has(t.text) || (t.text.length < 3 && !t.unspaced)) return;
        if (r.scope!.stems.has(stem(t.text))) keptInScope++;
      });
    const newOrder = has('reveal') || has('say') || has('transform') || has('ask');
    const scopeSetAside = setAside.size > 0 && inScope > 0 && keptInScope === 0 && content >= 3 && newOrder;
    const offScope = r.scope !== undefined && content >= 2 && (inScope === 0 || scopeSetAside);
    const roleHit = r.role !== undefined && toks.some((t) => r.role!.names.has(t.text));
    // The prompt's one job set aside for a new order ("stop translating and write me a poem").
    const jobDropped = r.task !== undefined && taskDropped(u.t, r.task.ids);
    // Asking a persona that must stay in character whether it is an AI, or which model it is.
    const identity = r.role?.locked === true && has('ai_identity');
    // A setting-aside verb that opens a sentence of a short input ("Forget flights. Write me …"), then a new order.
    const imperativeSetAside =
      short && (byTag.get('override_verb') ?? []).some((v) => v.token < 3 || sentOf[v.token - 3] !== sentOf[v.token]);
    const setAsideOrder = imperativeSetAside && offScope && newOrder;
    const drop = strong || jobDropped || identity || setAsideOrder || (has('role_drop_weak') && (roleHit || offScope));
    let score = 0;
    if (drop) score = 0.7 + (offScope ? 0.15 : 0) + (roleHit ? 0.1 : 0);
    else if (frame && (offScope || roleHit)) score = 0.45;
    else if (offScope) score = 0.35;
    if (score > 0)
      out.push({
        rule: CONTEXT_RULES.restrictionOverride,
        score: Math.min(0.95, score),
        evidence: `system prompt restricts ${[r.scope ? 'scope' : '', r.role ? 'role' : '', r.task ? `task (${[...r.task.ids].join('/')})` : '', r.format ? 'format' : '', r.topics ? 'topics' : '', r.pii ? 'data' : '', r.secretClasses.size ? 'secrets' : ''].filter(Boolean).join('/')}; input ${jobDropped && !strong ? 'sets the task aside for another order' : drop ? 'overrides it' : frame ? 'frames around it' : 'is off scope'}${offScope ? ' (off scope)' : ''}`,
        cues: cueList({}, offScope ? ['off-scope'] : []),
      });
  }

  // --- access-code games ------------------------------------------------------------------------------------------
  if (r.access && !isTheCode) {
    let score = 0;
    const phrase = r.access.phrases.some((p) => containsValue(u, p));
    // The reserved phrase in a program the user wants written ("a function that prints Access granted") is a mention,
    // not a demand on the gatekeeper — unless the injection engine reads a demand that the model itself say it.
    const demanded = (s.access_code ?? 0) > 0 && !((s.code_task ?? 0) > 0);
    const mention = !demanded && ((s.code_task ?? 0) > 0 || programming);
    if ((has('granted') || phrase) && !mention) score = 0.85;
    if (strong || has('mode')) score = Math.max(score, 0.8);
    if (indirect || extraction >= 1) score = Math.max(score, 0.8);
    // A request for the code itself, as the protected-item judgement scored it (own or general passwords scored down).
    if (best >= 0.6) score = Math.max(score, 0.75);
    if (score > 0)
      out.push({
        rule: CONTEXT_RULES.accessBypass,
        score: Math.min(0.97, score),
        evidence: `system prompt reserves a reply for an access code; input is not the code (${cueList({}, has('granted') || phrase ? ['reserved-phrase'] : []).join(', ')})`,
        cues: cueList({}, has('granted') || phrase ? ['reserved-phrase'] : []),
      });
  }
  return out;
}

/** The user view of a text: tokens, compact form and the injection signals already computed for it. */
export function userView(t: Tokenized, signals: SignalScores): UserView {
  return { t, compact: compact(t.norm), signals };
}
