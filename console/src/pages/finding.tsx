import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { SpanCard } from '../components/span-card.js';
import { ErrorBox, Section, SeverityBadge, VerdictBadge, useLoad } from '../components/ui.js';
import { label, time, toLocalInput } from '../format.js';
import { href } from '../router.js';
import { VERDICTS, type AnalystVerdict, type FindingDetail, type SuppressionMatch } from '../types.js';

type Scope = 'rule' | 'user' | 'session' | 'service';

/** One finding: evidence, the rule (description, known false positives, OWASP/ATLAS, playbook), related spans, verdicts. */
export function FindingPage({ id }: { id: string }) {
  const { data, error, reload } = useLoad(() => api<FindingDetail>(`/findings/${encodeURIComponent(id)}`), [id]);
  if (error) return <ErrorBox error={error} />;
  if (!data) return <p class="muted">Loading…</p>;
  const { finding: f, rule } = data;
  return (
    <div>
      <div class="page-head">
        <h1>
          <SeverityBadge severity={f.severity} /> {f.ruleName}
        </h1>
        <VerdictBadge verdict={f.verdict} />
      </div>
      <div class="grid2">
        <Section title="Evidence">
          <pre class="evidence-block">{f.evidence}</pre>
          <dl class="facts">
            <dt>Finding</dt>
            <dd class="mono">{f.id}</dd>
            <dt>Time</dt>
            <dd>{time(f.time)}</dd>
            <dt>Category</dt>
            <dd>{label(f.category)}</dd>
            <dt>Score</dt>
            <dd>
              {f.score} (confidence {f.confidence})
            </dd>
            <dt>Channel</dt>
            <dd>{f.channel}</dd>
            <dt>Session</dt>
            <dd>{f.session ? <a href={href.session(f.session)}>{f.session}</a> : '—'}</dd>
            <dt>User</dt>
            <dd>{f.user ?? '—'}</dd>
            <dt>Service</dt>
            <dd>{f.service ?? '—'}</dd>
            <dt>Model / tool</dt>
            <dd>
              {f.model ?? '—'} / {f.tool ?? '—'}
            </dd>
            <dt>Trace</dt>
            <dd class="mono">
              {f.traceId} / {f.spanId}
            </dd>
            {f.action && (
              <>
                <dt>Action</dt>
                <dd class="mono">{JSON.stringify(f.action)}</dd>
              </>
            )}
          </dl>
        </Section>
        <Section title={`Rule ${f.ruleId}`}>
          {rule ? (
            <>
              <p>{rule.description}</p>
              <h3>Known false positives</h3>
              <p>{rule.falsePositives}</p>
              <dl class="facts">
                <dt>OWASP LLM</dt>
                <dd>{rule.owasp.join(', ') || '—'}</dd>
                <dt>MITRE ATLAS</dt>
                <dd>{rule.atlas.join(', ') || '—'}</dd>
                <dt>Playbook</dt>
                <dd>
                  {rule.playbook ? (
                    <a href={href.playbook(rule.playbook.id)}>{rule.playbook.title}</a>
                  ) : (
                    <span class="muted">none linked for this rule</span>
                  )}
                </dd>
              </dl>
            </>
          ) : (
            <p class="muted">This rule is not in the running processor's catalogue.</p>
          )}
        </Section>
      </div>
      <VerdictForm detail={data} onDone={reload} />
      {data.verdicts.length > 0 && (
        <Section title="Verdicts">
          <ul class="verdicts">
            {data.verdicts.map((v) => (
              <li key={v.at}>
                <VerdictBadge verdict={v.verdict} /> {time(v.at)} {v.note && <q>{v.note}</q>}{' '}
                {v.suppression && (
                  <span>
                    suppression <code>{v.suppression}</code>
                  </span>
                )}
              </li>
            ))}
          </ul>
        </Section>
      )}
      <Section title={`Related spans (${data.relatedSpans.length}, trace ${f.traceId.slice(0, 8)}…)`}>
        {data.relatedSpans.length === 0 && <p class="muted">No stored span for this trace.</p>}
        {data.relatedSpans.map((s) => (
          <SpanCard key={s.spanId} span={s} />
        ))}
      </Section>
    </div>
  );
}

function VerdictForm({ detail, onDone }: { detail: FindingDetail; onDone(): void }) {
  const f = detail.finding;
  const [verdict, setVerdict] = useState<AnalystVerdict>('true_positive');
  const [note, setNote] = useState('');
  const [suppress, setSuppress] = useState(false);
  const [reason, setReason] = useState('');
  const [scope, setScope] = useState<Scope>(f.session ? 'session' : 'rule');
  const [expires, setExpires] = useState(toLocalInput(new Date(Date.now() + 30 * 86_400_000)));
  const [error, setError] = useState<unknown>(undefined);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    const match: SuppressionMatch = {};
    if (scope === 'user' && f.user) match.user = f.user;
    if (scope === 'session' && f.session) match.session = f.session;
    if (scope === 'service' && f.service) match.service = f.service;
    try {
      const res = await api<{ suppression: string | null }>(`/findings/${encodeURIComponent(f.id)}/verdict`, {
        method: 'POST',
        body: {
          verdict,
          ...(note.trim() ? { note: note.trim() } : {}),
          ...(verdict === 'false_positive' && suppress
            ? {
                suppress: {
                  reason: reason.trim() || 'false positive (console)',
                  expires: new Date(expires).toISOString(),
                  ...(Object.keys(match).length ? { match } : {}),
                },
              }
            : {}),
        },
      });
      setSaved(res.suppression ? `Verdict saved; suppression ${res.suppression} created.` : 'Verdict saved.');
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section title="Verdict">
      <form class="verdict-form" onSubmit={(e) => void submit(e)}>
        <fieldset>
          <legend>Analyst verdict</legend>
          {VERDICTS.map((v) => (
            <label key={v} class="radio">
              <input type="radio" name="verdict" value={v} checked={verdict === v} onChange={() => setVerdict(v)} />
              {label(v)}
            </label>
          ))}
        </fieldset>
        <label>
          Note
          <textarea rows={2} maxLength={2000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
        </label>
        {verdict === 'false_positive' && (
          <fieldset>
            <legend>Suppression</legend>
            <label class="radio">
              <input type="checkbox" checked={suppress} onChange={(e) => setSuppress(e.currentTarget.checked)} />
              Suppress similar findings of {f.ruleId}
            </label>
            {suppress && (
              <div class="row">
                <label>
                  Scope
                  <select value={scope} onChange={(e) => setScope(e.currentTarget.value as Scope)}>
                    <option value="rule">the whole rule</option>
                    {f.session && <option value="session">this session ({f.session})</option>}
                    {f.user && <option value="user">this user ({f.user})</option>}
                    {f.service && <option value="service">this service ({f.service})</option>}
                  </select>
                </label>
                <label class="grow">
                  Reason
                  <input
                    value={reason}
                    onInput={(e) => setReason(e.currentTarget.value)}
                    placeholder="why it is benign"
                  />
                </label>
                <label>
                  Expires
                  <input type="datetime-local" value={expires} onInput={(e) => setExpires(e.currentTarget.value)} />
                </label>
              </div>
            )}
          </fieldset>
        )}
        <button type="submit" disabled={busy}>
          Save verdict
        </button>
        {saved && (
          <span class="ok" role="status">
            {saved}
          </span>
        )}
        <ErrorBox error={error} />
      </form>
    </Section>
  );
}
