import { api } from '../api.js';
import { SpanCard } from '../components/span-card.js';
import { ErrorBox, SeverityBadge, useLoad } from '../components/ui.js';
import { time } from '../format.js';
import type { Timeline } from '../types.js';

/** Every stored interaction of a session in start order, findings inline. */
export function SessionPage({ id }: { id: string }) {
  const { data, error } = useLoad(() => api<Timeline>(`/sessions/${encodeURIComponent(id)}/timeline`), [id]);
  if (error) return <ErrorBox error={error} />;
  if (!data) return <p class="muted">Loading…</p>;
  const s = data.session;
  return (
    <div>
      <div class="page-head">
        <h1>
          Session <span class="mono">{s.id}</span>
        </h1>
        <SeverityBadge severity={s.maxSeverity} />
        {s.sampled && <span class="badge sampled">review sample</span>}
      </div>
      <p class="muted">
        user {s.user ?? '—'} · {s.spans} span(s) · {s.findings} finding(s) · {time(s.firstSeen)} → {time(s.lastSeen)}
      </p>
      <ol class="timeline" aria-label="Session timeline">
        {data.items.map((it) => (
          <li key={it.spanId}>
            <SpanCard span={it} findings={it.findingsInline} />
          </li>
        ))}
      </ol>
    </div>
  );
}
