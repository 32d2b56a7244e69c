import { SEVERITY_ORDER, type Severity } from '@tracehound/core';

/** Score (0..100) a rule at full confidence contributes, per severity of the escalation ladder. */
const SEVERITY_BASE: Record<Severity, number> = { none: 0, low: 25, medium: 50, high: 75, critical: 95 };

export function maxSeverity(a: Severity, b: Severity): Severity {
  return SEVERITY_ORDER.indexOf(a) >= SEVERITY_ORDER.indexOf(b) ? a : b;
}

export function lowerSeverity(s: Severity): Severity {
  const i = SEVERITY_ORDER.indexOf(s);
  return i <= 1 ? s : SEVERITY_ORDER[i - 1];
}

/**
 * A detection's effective severity: the rule's own at confidence ≥ 0.75, one step lower below that (never below low).
 * Uncertain matches still alert, but do not page anyone.
 */
export function effectiveSeverity(ruleSeverity: Exclude<Severity, 'none'>, confidence: number): Severity {
  return confidence >= 0.75 ? ruleSeverity : lowerSeverity(ruleSeverity);
}

/** A finding's score: its severity's base, scaled by confidence between 70 % and 100 % of it. */
export function findingScore(severity: Severity, confidence: number): number {
  const c = Math.min(1, Math.max(0, confidence));
  return Math.round(SEVERITY_BASE[severity] * (0.7 + 0.3 * c));
}
