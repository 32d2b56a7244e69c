import RE2 from 're2';
import type { Suppression } from '../detect/config.js';

const ID_RE = new RE2('^[A-Za-z0-9_.:-]{1,128}$');
const RULE_RE = new RE2('^(\\*|[A-Za-z0-9_.-]{1,64})$');
const MATCH_KEYS = ['service', 'user', 'session', 'model', 'tool', 'evidenceContains'] as const;
const MAX_TEXT = 1024;

export type Parsed = { ok: true; value: Suppression } | { ok: false; error: string };

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * Validates one suppression from an untrusted source (the review API, the suppressions file): the same shape as
 * detection.suppressions, strings bounded, expiry a parseable time. Error messages name fields, never values.
 */
export function parseSuppression(x: unknown): Parsed {
  if (!isObject(x)) return { ok: false, error: 'a suppression must be an object' };
  const { id, rule, reason, expires, match } = x;
  if (typeof id !== 'string' || !ID_RE.test(id)) return { ok: false, error: 'id: 1-128 of A-Z a-z 0-9 _ . : -' };
  if (typeof rule !== 'string' || !RULE_RE.test(rule)) return { ok: false, error: "rule: a rule id or '*'" };
  if (typeof reason !== 'string' || reason.length === 0 || reason.length > MAX_TEXT)
    return { ok: false, error: 'reason: 1-1024 characters' };
  if (typeof expires !== 'string' || !Number.isFinite(Date.parse(expires)))
    return { ok: false, error: 'expires: an ISO-8601 time' };
  for (const k of Object.keys(x)) {
    if (!['id', 'rule', 'reason', 'expires', 'match'].includes(k))
      return { ok: false, error: `unknown field ${k.slice(0, 32)}` };
  }
  const out: Suppression = { id, rule, reason, expires };
  if (match !== undefined) {
    if (!isObject(match)) return { ok: false, error: 'match: an object' };
    const m: NonNullable<Suppression['match']> = {};
    for (const [k, v] of Object.entries(match)) {
      if (!(MATCH_KEYS as readonly string[]).includes(k))
        return { ok: false, error: `match: unknown field ${k.slice(0, 32)}` };
      if (typeof v !== 'string' || v.length === 0 || v.length > MAX_TEXT)
        return { ok: false, error: `match.${k}: 1-1024 characters` };
      m[k as (typeof MATCH_KEYS)[number]] = v;
    }
    out.match = m;
  }
  return { ok: true, value: out };
}

/** A suppressions document: a list, or `{ suppressions: [...] }`. Invalid entries make the whole document invalid. */
export function parseSuppressionList(doc: unknown): { ok: true; value: Suppression[] } | { ok: false; error: string } {
  const list = Array.isArray(doc)
    ? doc
    : isObject(doc) && Array.isArray(doc.suppressions)
      ? doc.suppressions
      : doc == null
        ? []
        : undefined;
  if (!list) return { ok: false, error: 'expected a list of suppressions (or { suppressions: [...] })' };
  const out: Suppression[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < list.length; i++) {
    const p = parseSuppression(list[i]);
    if (!p.ok) return { ok: false, error: `entry ${i}: ${p.error}` };
    if (seen.has(p.value.id)) return { ok: false, error: `entry ${i}: duplicate id` };
    seen.add(p.value.id);
    out.push(p.value);
  }
  return { ok: true, value: out };
}
