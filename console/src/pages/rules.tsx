import { api } from '../api.js';
import { ErrorBox, SeverityBadge, useLoad } from '../components/ui.js';
import { label, pct, time } from '../format.js';
import { href } from '../router.js';
import type { RuleStats, SuppressionMatch } from '../types.js';

const scope = (m?: SuppressionMatch) =>
  m && Object.keys(m).length
    ? Object.entries(m)
        .map(([k, v]) => `${k}=${String(v)}`)
        .join(', ')
    : 'whole rule';

/** Volume per rule, analysts' precision from their verdicts, and the active suppressions with their expiry. */
export function RulesPage() {
  const { data, error } = useLoad(() => api<{ rules: RuleStats[] }>('/rules/stats'), []);
  const rules = [...(data?.rules ?? [])].sort((a, b) => b.findings - a.findings || a.id.localeCompare(b.id));
  const max = Math.max(1, ...rules.map((r) => r.findings));
  const suppressions = rules.flatMap((r) => r.suppressions);
  return (
    <div>
      <div class="page-head">
        <h1>Rules</h1>
      </div>
      <ErrorBox error={error} />
      <section class="card">
        <h2>Active suppressions ({suppressions.length})</h2>
        {suppressions.length === 0 ? (
          <p class="muted">None.</p>
        ) : (
          <table class="suppressions">
            <thead>
              <tr>
                <th>Id</th>
                <th>Rule</th>
                <th>Scope</th>
                <th>Reason</th>
                <th>Source</th>
                <th>Expires</th>
              </tr>
            </thead>
            <tbody>
              {suppressions.map((s) => (
                <tr key={s.id} data-suppression={s.id}>
                  <td class="mono">{s.id}</td>
                  <td>{s.rule}</td>
                  <td>{scope(s.match)}</td>
                  <td>{s.reason}</td>
                  <td>{s.source}</td>
                  <td class="nowrap">{time(s.expires)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <table class="rules">
        <thead>
          <tr>
            <th>Rule</th>
            <th>Severity</th>
            <th>Category</th>
            <th>Findings</th>
            <th>TP / BTP / FP</th>
            <th>Precision</th>
            <th>Mappings</th>
          </tr>
        </thead>
        <tbody>
          {rules.map((r) => (
            <tr key={r.id} data-rule={r.id}>
              <td>
                <a href={`${href.queue()}?rule=${encodeURIComponent(r.id)}`} title={r.description}>
                  {r.id}
                </a>{' '}
                {r.name}
              </td>
              <td>
                <SeverityBadge severity={r.severity} />
              </td>
              <td>{label(r.category)}</td>
              <td class="volume">
                <span class="bar" style={{ width: `${(r.findings / max) * 100}%` }} />
                <span>{r.findings}</span>
              </td>
              <td>
                {r.verdicts.true_positive} / {r.verdicts.benign_true_positive} / {r.verdicts.false_positive}
              </td>
              <td class="precision">{pct(r.precision)}</td>
              <td class="muted">{[...r.owasp, ...r.atlas].join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
