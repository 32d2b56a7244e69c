/** The alert table printed at the end of the demo: one row per (rule, session), worst first, evidence shortened. */
import { SEVERITY_ORDER, type Finding, type Severity } from '@tracehound/core';

export interface AlertRow {
  severity: Severity;
  rule: string;
  name: string;
  session: string;
  count: number;
  evidence: string;
}

const EVIDENCE_WIDTH = 64;

function shorten(s: string, n: number): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length <= n ? flat : `${flat.slice(0, n - 1)}…`;
}

/** Groups findings by rule and session, keeping the worst severity and the first evidence of each group. */
export function alertRows(findings: readonly Finding[]): AlertRow[] {
  const groups = new Map<string, AlertRow>();
  for (const f of findings) {
    const session = f.context.session ?? f.context.apiKeyFingerprint ?? '-';
    const key = `${f.rule.id}|${session}`;
    const row = groups.get(key);
    if (row) {
      row.count++;
      if (SEVERITY_ORDER.indexOf(f.severity) > SEVERITY_ORDER.indexOf(row.severity)) row.severity = f.severity;
    } else {
      groups.set(key, {
        severity: f.severity,
        rule: f.rule.id,
        name: f.rule.name,
        session,
        count: 1,
        evidence: shorten(f.evidence, EVIDENCE_WIDTH),
      });
    }
  }
  return [...groups.values()].sort(
    (a, b) =>
      SEVERITY_ORDER.indexOf(b.severity) - SEVERITY_ORDER.indexOf(a.severity) ||
      a.session.localeCompare(b.session) ||
      a.rule.localeCompare(b.rule),
  );
}

export function renderTable(rows: readonly AlertRow[]): string {
  const header = ['SEVERITY', 'RULE', 'SESSION', 'N', 'EVIDENCE (redacted)'];
  const cells = rows.map((r) => [r.severity.toUpperCase(), r.rule, r.session, String(r.count), r.evidence]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((v, i) => (i === c.length - 1 ? v : v.padEnd(widths[i]))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}
