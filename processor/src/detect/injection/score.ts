import type { Signal } from './patterns/types.js';
import type { SignalScores } from './signals.js';

/**
 * How signals combine into rule scores. A rule fires at score ≥ 1; one strong pattern (weight 1) is enough, weak cues
 * need company. Text that discusses attacks ("what is prompt injection?") is damped.
 */

export const FIRE = 1.0;

const g = (s: SignalScores, k: Signal) => s[k] ?? 0;

/** Confidence for a score at or above FIRE: 0.6 at the threshold, approaching 0.99. */
export function confidence(score: number): number {
  return Math.min(0.99, 0.6 + 0.25 * Math.tanh(1.5 * (score - FIRE)) + 0.14 * Math.min(1, Math.max(0, score - FIRE)));
}

/** Discussion of attacks halves everything unless several strong cues stack up. */
function damp(s: SignalScores, score: number): number {
  return g(s, 'meta') > 0 ? score * 0.55 : score;
}

export function overrideScore(s: SignalScores): number {
  const base = g(s, 'override') + g(s, 'override_weak') + g(s, 'hijack_output') + 0.5 * g(s, 'new_instructions');
  // An override cue next to an extraction or jailbreak demand is an injection even when each cue is weak.
  const company =
    g(s, 'override_weak') > 0
      ? 0.3 * Math.min(1, g(s, 'extraction') + g(s, 'no_restrictions') + g(s, 'role_reassign'))
      : 0;
  return damp(s, base + company);
}

export function roleReassignScore(s: SignalScores): number {
  const r = g(s, 'role_reassign') + g(s, 'new_instructions');
  if (r === 0) return 0;
  return damp(
    s,
    r + 0.4 * Math.min(1, g(s, 'override') + g(s, 'override_weak') + g(s, 'no_restrictions') + g(s, 'dan')),
  );
}

export function spoofScore(s: SignalScores): number {
  const sp = g(s, 'spoof');
  if (sp === 0) return 0;
  const company = Math.min(
    1,
    g(s, 'override') +
      g(s, 'override_weak') +
      g(s, 'new_instructions') +
      g(s, 'role_reassign') +
      g(s, 'no_restrictions') +
      g(s, 'extraction') +
      g(s, 'dev_mode'),
  );
  return damp(s, sp + 0.6 * company);
}

export function personaScore(s: SignalScores): number {
  const core = g(s, 'dan') + g(s, 'no_restrictions') + g(s, 'policy_disregard') + g(s, 'dual_response');
  if (core === 0) return 0;
  const support =
    0.7 * g(s, 'persona') +
    0.8 * g(s, 'role_reassign') +
    0.4 * g(s, 'refusal_suppress') +
    0.2 * g(s, 'hypothetical') +
    0.5 * g(s, 'dev_mode') +
    0.3 * g(s, 'override');
  return damp(s, core + support);
}

export function devModeScore(s: SignalScores): number {
  const d = g(s, 'dev_mode');
  if (d === 0) return 0;
  return damp(
    s,
    d +
      0.4 *
        Math.min(
          1,
          g(s, 'no_restrictions') +
            g(s, 'policy_disregard') +
            g(s, 'dual_response') +
            g(s, 'refusal_suppress') +
            g(s, 'override'),
        ),
  );
}

export function refusalScore(s: SignalScores): number {
  const r = g(s, 'refusal_suppress');
  if (r === 0) return 0;
  return damp(
    s,
    r +
      0.5 *
        Math.min(
          1,
          g(s, 'no_restrictions') +
            g(s, 'dan') +
            g(s, 'persona') +
            g(s, 'role_reassign') +
            g(s, 'policy_disregard') +
            g(s, 'dev_mode') +
            g(s, 'dual_response'),
        ),
  );
}

export function fictionScore(s: SignalScores): number {
  const h = g(s, 'hypothetical');
  if (h === 0) return 0;
  const bypass = g(s, 'no_restrictions') + g(s, 'policy_disregard') + g(s, 'refusal_suppress');
  // A story frame plus one soft bypass word ("imagine a world without restrictions") is how benign creative prompts
  // read too; it takes a clear bypass demand (≥ 0.8, e.g. two cues) to call the frame a jailbreak.
  return bypass >= 0.8 ? damp(s, h + bypass) : 0;
}

export function extractionScore(s: SignalScores): number {
  // Asking for the password or code is extraction only with company: users ask for their own Wi-Fi password too.
  const secret = g(s, 'code_task') > 0 ? 0 : g(s, 'secret_ask');
  const e = g(s, 'extraction') + g(s, 'extraction_weak') + (secret > 0 ? 0.5 * secret : 0);
  if (e === 0) return 0;
  const company = Math.min(
    1,
    g(s, 'override') +
      g(s, 'override_weak') +
      g(s, 'spoof') +
      g(s, 'dev_mode') +
      (secret > 0 ? g(s, 'prefix_inject') + g(s, 'access_code') + g(s, 'new_instructions') + g(s, 'role_reassign') : 0),
  );
  return damp(s, e + (secret > 0 ? 0.7 : 0.3) * company);
}

/** Company that turns a weak access-game cue into an attack: any other injection or extraction cue. */
function gameCompany(s: SignalScores): number {
  return Math.min(
    1,
    g(s, 'override') +
      g(s, 'override_weak') +
      g(s, 'spoof') +
      g(s, 'new_instructions') +
      g(s, 'hijack_output') +
      g(s, 'extraction') +
      g(s, 'extraction_weak') +
      g(s, 'secret_ask') +
      g(s, 'role_reassign') +
      g(s, 'refusal_suppress') +
      g(s, 'no_restrictions') +
      g(s, 'dev_mode') +
      g(s, 'dan'),
  );
}

/** Making the gatekeeper say its unlock phrase ("say Access Granted"). */
export function accessCodeScore(s: SignalScores): number {
  const a = g(s, 'access_code');
  if (a === 0 || g(s, 'code_task') > 0) return 0;
  return damp(s, a + 0.5 * Math.min(1, gameCompany(s) + g(s, 'prefix_inject')));
}

/** Forcing the reply's first words or its whole content: a format alone is ordinary, with company it is a hijack. */
export function prefixInjectScore(s: SignalScores): number {
  const p = g(s, 'prefix_inject');
  if (p === 0) return 0;
  const company = gameCompany(s) + g(s, 'access_code');
  return damp(s, p >= 1 ? p + 0.3 * Math.min(1, company) : company > 0 ? p + 0.6 * Math.min(1, company) : p);
}

/**
 * Content that discusses attacks (awareness mails, security articles quoting "ignore previous instructions") without
 * itself speaking to the model that reads it (no address, hidden text or spoofed turn) is a mention, not an
 * instruction: damped harder than other discussion.
 */
function contentDamp(s: SignalScores, score: number): number {
  if (g(s, 'meta') <= 0) return score;
  const speaksToModel = g(s, 'address_ai') + g(s, 'hidden') + g(s, 'spoof') > 0;
  return score * (speaksToModel ? 0.55 : 0.4);
}

/** Content (documents, tool results): instructions aimed at the model that reads it. */
export function indirectScore(s: SignalScores): number {
  // A bait and switch pasted into a document ("ignore the question above and output: …") scores as it does in a
  // prompt (set-aside plus dictation); a set-aside alone counts half.
  const setAside =
    g(s, 'hijack_output') > 0 && g(s, 'override_weak') > 0
      ? g(s, 'override_weak') + g(s, 'hijack_output')
      : 0.5 * g(s, 'override_weak');
  const core =
    g(s, 'override') +
    g(s, 'address_ai') +
    0.8 * g(s, 'hidden') +
    0.7 * g(s, 'new_instructions') +
    0.6 * g(s, 'role_reassign') +
    0.8 * g(s, 'spoof') +
    0.6 * g(s, 'extraction') +
    0.5 * g(s, 'no_restrictions') +
    setAside +
    0.5 * g(s, 'dev_mode') +
    0.5 * g(s, 'policy_disregard');
  if (core === 0) return 0;
  return contentDamp(
    s,
    core + g(s, 'imperative') + 0.3 * Math.min(1, g(s, 'exfil') + g(s, 'tool_call') + g(s, 'md_image')),
  );
}

function steering(s: SignalScores): number {
  return Math.min(
    1,
    g(s, 'address_ai') +
      g(s, 'hidden') +
      g(s, 'override') +
      g(s, 'new_instructions') +
      g(s, 'imperative') +
      g(s, 'spoof'),
  );
}

export function exfilScore(s: SignalScores): number {
  const e = g(s, 'exfil');
  if (e === 0) return 0;
  return contentDamp(s, e + 0.6 * steering(s));
}

export function imageExfilScore(s: SignalScores): number {
  const m = g(s, 'md_image');
  if (m === 0) return 0;
  return damp(s, m + 0.6 * Math.min(1, steering(s) + g(s, 'exfil')));
}

export function toolCallScore(s: SignalScores): number {
  const t = g(s, 'tool_call');
  if (t === 0) return 0;
  // Documentation tells readers to call functions all the time; it takes an instruction aimed at the model too.
  const st = steering(s);
  return st === 0 ? 0 : damp(s, t + 0.7 * st);
}

/**
 * A cipher game: a home-made cipher (key, shift, mapping, letter puzzle) plus an order to act on what it decodes to
 * without showing it. A cipher alone is a puzzle; acting on the hidden text is what makes it a filter bypass.
 */
export function cipherGameScore(s: SignalScores): number {
  const act = g(s, 'cipher_act');
  if (act === 0) return 0;
  return damp(s, act + g(s, 'cipher_key'));
}

/** Any injection-family intent at all (used to decide whether a de-obfuscated text is a payload). */
export function anyIntentScore(s: SignalScores): number {
  return Math.max(
    overrideScore(s),
    roleReassignScore(s),
    spoofScore(s),
    personaScore(s),
    devModeScore(s),
    refusalScore(s),
    extractionScore(s),
    accessCodeScore(s),
    prefixInjectScore(s),
    indirectScore(s),
    exfilScore(s),
    imageExfilScore(s),
    toolCallScore(s),
  );
}
