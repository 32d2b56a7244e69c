import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, query, subscribe } from '../api.js';
import { OverTimeChart } from '../components/chart.js';
import { ErrorBox, SeverityBadge, VerdictBadge, useLoad } from '../components/ui.js';
import { fromLocalInput, label, time } from '../format.js';
import { href, navigate } from '../router.js';
import { SEVERITIES, type FindingSummary, type OverTime, type RuleStats } from '../types.js';

interface Filters {
  severity: string;
  rule: string;
  category: string;
  user: string;
  session: string;
  from: string;
  to: string;
  q: string;
}
const EMPTY: Filters = { severity: '', rule: '', category: '', user: '', session: '', from: '', to: '', q: '' };

/** Filters given in the address (the rules page links to /console/?rule=…). */
function fromAddress(): Filters {
  const q = new URLSearchParams(location.search);
  const f = { ...EMPTY };
  for (const k of ['severity', 'rule', 'category', 'user', 'session', 'q'] as const) f[k] = q.get(k) ?? '';
  return f;
}

function params(f: Filters) {
  return {
    severity: f.severity,
    rule: f.rule,
    category: f.category,
    user: f.user.trim(),
    session: f.session.trim(),
    from: fromLocalInput(f.from),
    to: fromLocalInput(f.to),
    q: f.q.trim(),
  };
}

/** Whether a live finding belongs in the list the filters describe (the server applies the same filters to pages). */
function matches(f: FindingSummary, x: Filters): boolean {
  const p = params(x);
  if (p.severity && !p.severity.split(',').includes(f.severity)) return false;
  if (p.rule && f.ruleId !== p.rule) return false;
  if (p.category && f.category !== p.category) return false;
  if (p.user && f.user !== p.user) return false;
  if (p.session && f.session !== p.session) return false;
  if (p.from && f.time < p.from) return false;
  if (p.to) return false; // a fixed end time: live findings are after it
  if (p.q) {
    const hay = `${f.evidence} ${f.ruleId} ${f.ruleName}`.toLowerCase();
    if (
      !p.q
        .toLowerCase()
        .split(/\s+/)
        .every((w) => hay.includes(w))
    )
      return false;
  }
  return true;
}

/** The findings queue: filters, live updates over server-sent events, j/k (or ↑/↓) to move, Enter to open. */
export function QueuePage() {
  const [draft, setDraft] = useState<Filters>(fromAddress);
  const [filters, setFilters] = useState<Filters>(fromAddress);
  const [rows, setRows] = useState<FindingSummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const [loading, setLoading] = useState(false);
  const [selected, setSelected] = useState(0);
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const [live, setLive] = useState<'connecting' | 'live' | 'offline'>('connecting');
  const [chartTick, setChartTick] = useState(0);
  const filtersRef = useRef(filters);
  filtersRef.current = filters;
  const tableRef = useRef<HTMLTableSectionElement>(null);

  const rules = useLoad(() => api<{ rules: RuleStats[] }>('/rules/stats'), []);
  const chart = useLoad(() => api<OverTime>(`/stats/over-time${query({ bucket: 3600 })}`), [chartTick]);
  const categories = useMemo(() => [...new Set((rules.data?.rules ?? []).map((r) => r.category))].sort(), [rules.data]);

  async function load(f: Filters, after: string | null) {
    setLoading(true);
    try {
      const page = await api<{ findings: FindingSummary[]; nextCursor: string | null }>(
        `/findings${query({ ...params(f), limit: 50, cursor: after })}`,
      );
      setRows((r) => (after ? [...r, ...page.findings] : page.findings));
      setCursor(page.nextCursor);
      setError(undefined);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }

  useEffect(() => {
    setSelected(0);
    void load(filters, null);
  }, [filters]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const close = subscribe({
      state: (open) => setLive(open ? 'live' : 'offline'),
      finding(data) {
        const f = data as FindingSummary;
        if (!matches(f, filtersRef.current)) return;
        setRows((r) => (r.some((x) => x.id === f.id) ? r : [f, ...r]));
        setFresh((s) => new Set(s).add(f.id));
        setSelected((i) => (i === 0 ? 0 : i + 1));
        clearTimeout(timer);
        timer = setTimeout(() => setChartTick((t) => t + 1), 1000);
      },
    });
    return () => {
      clearTimeout(timer);
      close();
    };
  }, []);

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const t = e.target as HTMLElement;
      if (t.closest('input, select, textarea') || e.metaKey || e.ctrlKey || e.altKey) return;
      if (e.key === 'j' || e.key === 'ArrowDown') setSelected((i) => Math.min(rows.length - 1, i + 1));
      else if (e.key === 'k' || e.key === 'ArrowUp') setSelected((i) => Math.max(0, i - 1));
      else if (e.key === 'Enter' && rows[selected] && !t.closest('a, button'))
        navigate(href.finding(rows[selected].id));
      else if (e.key === '/') document.getElementById('f-q')?.focus();
      else return;
      e.preventDefault();
    }
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [rows, selected]);

  useEffect(() => {
    tableRef.current?.querySelector<HTMLElement>(`tr[data-index="${selected}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  const field = (k: keyof Filters) => ({
    value: draft[k],
    onInput: (e: Event) => setDraft({ ...draft, [k]: (e.target as HTMLInputElement).value }),
  });

  return (
    <div>
      <div class="page-head">
        <h1>Findings</h1>
        <span class={`live live-${live}`} aria-live="polite">
          {live === 'live' ? '● live' : live === 'connecting' ? '○ connecting' : '○ offline (retrying)'}
        </span>
      </div>
      {chart.data && <OverTimeChart data={chart.data} />}
      <form
        class="filters"
        aria-label="Filters"
        onSubmit={(e) => {
          e.preventDefault();
          setFilters(draft);
        }}
      >
        <label>
          Severity
          <select {...field('severity')} onChange={field('severity').onInput}>
            <option value="">any</option>
            {SEVERITIES.map((s) => (
              <option value={s}>{s}</option>
            ))}
            <option value="high,critical">high + critical</option>
          </select>
        </label>
        <label>
          Rule
          <select {...field('rule')} onChange={field('rule').onInput}>
            <option value="">any</option>
            {(rules.data?.rules ?? []).map((r) => (
              <option value={r.id}>{r.id}</option>
            ))}
          </select>
        </label>
        <label>
          Category
          <select {...field('category')} onChange={field('category').onInput}>
            <option value="">any</option>
            {categories.map((c) => (
              <option value={c}>{label(c)}</option>
            ))}
          </select>
        </label>
        <label>
          User
          <input {...field('user')} placeholder="user id" size={10} />
        </label>
        <label>
          Session
          <input {...field('session')} placeholder="session id" size={10} />
        </label>
        <label>
          From
          <input type="datetime-local" {...field('from')} />
        </label>
        <label>
          To
          <input type="datetime-local" {...field('to')} />
        </label>
        <label class="grow">
          Search evidence
          <input id="f-q" type="search" {...field('q')} placeholder="text ( / )" />
        </label>
        <button type="submit">Apply</button>
        <button
          type="button"
          class="secondary"
          onClick={() => {
            setDraft(EMPTY);
            setFilters(EMPTY);
          }}
        >
          Clear
        </button>
      </form>
      <ErrorBox error={error} />
      <table class="queue">
        <caption class="sr-only">Findings, newest first. j/k or arrows move, Enter opens.</caption>
        <thead>
          <tr>
            <th>Time</th>
            <th>Severity</th>
            <th>Rule</th>
            <th>Category</th>
            <th>Evidence</th>
            <th>User</th>
            <th>Session</th>
            <th>Verdict</th>
          </tr>
        </thead>
        <tbody ref={tableRef}>
          {rows.map((f, i) => (
            <tr
              key={f.id}
              data-index={i}
              data-finding={f.id}
              class={`${i === selected ? 'selected' : ''} ${fresh.has(f.id) ? 'fresh' : ''}`}
              aria-selected={i === selected}
              onClick={() => setSelected(i)}
            >
              <td class="nowrap">{time(f.time)}</td>
              <td>
                <SeverityBadge severity={f.severity} />
              </td>
              <td>
                <a href={href.finding(f.id)} title={f.ruleName}>
                  {f.ruleId}
                </a>
              </td>
              <td>{label(f.category)}</td>
              <td class="evidence">{f.evidence}</td>
              <td>{f.user ?? '—'}</td>
              <td>{f.session ? <a href={href.session(f.session)}>{f.session}</a> : '—'}</td>
              <td>
                <VerdictBadge verdict={f.verdict} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && !loading && <p class="empty">No findings match.</p>}
      {cursor && (
        <button type="button" class="secondary" disabled={loading} onClick={() => void load(filters, cursor)}>
          Load more
        </button>
      )}
    </div>
  );
}
