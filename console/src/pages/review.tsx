import { useState } from 'preact/hooks';
import { api, query } from '../api.js';
import { ErrorBox, SeverityBadge, useLoad } from '../components/ui.js';
import { time } from '../format.js';
import { href } from '../router.js';
import type { ReviewItem } from '../types.js';

type Kind = 'all' | 'flagged' | 'sample';

/** The review queue: flagged sessions and a sample of clean traffic, each marked reviewed when done. */
export function ReviewPage() {
  const [kind, setKind] = useState<Kind>('sample');
  const [error, setError] = useState<unknown>(undefined);
  const {
    data,
    error: loadError,
    reload,
  } = useLoad(
    () => api<{ items: ReviewItem[]; nextCursor: string | null }>(`/review-queue${query({ kind, limit: 200 })}`),
    [kind],
  );
  async function reviewed(id: string) {
    try {
      await api(`/review-queue/${encodeURIComponent(id)}/reviewed`, { method: 'POST' });
      reload();
    } catch (e) {
      setError(e);
    }
  }
  return (
    <div>
      <div class="page-head">
        <h1>Review queue</h1>
      </div>
      <p class="muted">
        Automation screens everything; people read the flagged sessions and a sample of the clean ones, so misses show
        up too.
      </p>
      <div role="tablist" class="tabs" aria-label="Review kind">
        {(['sample', 'flagged', 'all'] as Kind[]).map((k) => (
          <button key={k} role="tab" type="button" aria-selected={kind === k} onClick={() => setKind(k)}>
            {k === 'sample' ? 'Sampled clean traffic' : k === 'flagged' ? 'Flagged sessions' : 'All'}
          </button>
        ))}
      </div>
      <ErrorBox error={loadError ?? error} />
      <table>
        <thead>
          <tr>
            <th>Session</th>
            <th>User</th>
            <th>Why</th>
            <th>Spans</th>
            <th>Findings</th>
            <th>Highest</th>
            <th>Last seen</th>
            <th>Reviewed</th>
          </tr>
        </thead>
        <tbody>
          {(data?.items ?? []).map((r) => (
            <tr key={`${r.id}-${r.reason}`} data-session={r.id}>
              <td>
                <a href={href.session(r.id)}>{r.id}</a>
              </td>
              <td>{r.user ?? '—'}</td>
              <td>{r.reason === 'sample' ? 'clean-traffic sample' : 'flagged'}</td>
              <td>{r.spans}</td>
              <td>{r.findings}</td>
              <td>
                <SeverityBadge severity={r.maxSeverity} />
              </td>
              <td class="nowrap">{time(r.lastSeen)}</td>
              <td>
                {r.reviewed ? (
                  '✓ reviewed'
                ) : (
                  <button type="button" class="secondary" onClick={() => void reviewed(r.id)}>
                    Mark reviewed
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {data && data.items.length === 0 && <p class="empty">Nothing to review here.</p>}
    </div>
  );
}
