import type { ValidateFunction } from 'ajv';
import { compileSchema, firstProblem } from '../schema/ajv.js';
import { SuppressionSchema, type Suppression } from '../detect/suppression.js';

export type Parsed = { ok: true; value: Suppression } | { ok: false; error: string };

let validator: ValidateFunction<Suppression> | undefined;

/**
 * Validates one suppression from an untrusted source (the review API, the suppressions file) against the schema that
 * also checks detection.suppressions in the configuration file (detect/suppression.ts). Error messages name fields,
 * never values.
 */
export function parseSuppression(x: unknown): Parsed {
  validator ??= compileSchema<Suppression>(SuppressionSchema);
  if (typeof x !== 'object' || x === null || Array.isArray(x))
    return { ok: false, error: 'a suppression must be an object' };
  if (!validator(x)) return { ok: false, error: firstProblem(validator) };
  const { id, rule, reason, expires, match } = x;
  // A copy of the known fields only: the value is stored and served back.
  return {
    ok: true,
    value: match === undefined ? { id, rule, reason, expires } : { id, rule, reason, expires, match: { ...match } },
  };
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
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
