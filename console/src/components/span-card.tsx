import { label, time } from '../format.js';
import { href } from '../router.js';
import type { FindingSummary, Message, SpanSummary } from '../types.js';
import { SeverityBadge, VerdictBadge } from './ui.js';

function Messages({ title, list }: { title: string; list: Message[] }) {
  if (list.length === 0) return null;
  return (
    <div class="messages">
      <h4>{title}</h4>
      {list.map((m, i) => (
        <div key={i} class={`msg role-${m.role}`}>
          <span class="role">{m.role}</span>
          <pre>{m.content}</pre>
        </div>
      ))}
    </div>
  );
}

/** One interaction as captured: prompts and outputs, the tool call with target and decision, retrieved documents. */
export function SpanCard({ span, findings = [] }: { span: SpanSummary; findings?: FindingSummary[] }) {
  return (
    <article class={`span kind-${span.kind}`} data-span={span.spanId} tabIndex={0}>
      <header>
        <span class="kind">{label(span.kind)}</span>
        <strong>{span.name}</strong>
        <span class="muted">{time(span.start)}</span>
        {span.model && <span class="muted">model {span.model}</span>}
        {span.findings > 0 && <span class="badge sev-high">{span.findings} finding(s)</span>}
        {span.suppressed > 0 && <span class="badge suppressed">{span.suppressed} suppressed</span>}
        {span.sampled && <span class="badge sampled">review sample</span>}
      </header>
      <Messages title="Input" list={span.input} />
      <Messages title="Output" list={span.output} />
      {span.tool && (
        <dl class="tool">
          <dt>Tool</dt>
          <dd>{span.tool.name}</dd>
          {span.tool.target && (
            <>
              <dt>Target</dt>
              <dd>{span.tool.target}</dd>
            </>
          )}
          {span.tool.decision && (
            <>
              <dt>Decision</dt>
              <dd class={`decision-${span.tool.decision}`}>
                {span.tool.decision}
                {span.tool.decisionRule ? ` (${span.tool.decisionRule})` : ''}
              </dd>
            </>
          )}
          {span.tool.arguments && (
            <>
              <dt>Arguments</dt>
              <dd>
                <pre>{span.tool.arguments}</pre>
              </dd>
            </>
          )}
          {span.tool.result && (
            <>
              <dt>Result</dt>
              <dd>
                <pre>{span.tool.result}</pre>
              </dd>
            </>
          )}
        </dl>
      )}
      {span.documents.length > 0 && (
        <div class="documents">
          <h4>Retrieved</h4>
          <ul>
            {span.documents.map((d, i) => (
              <li key={i}>
                <strong>{d.source ?? d.id ?? 'document'}</strong>{' '}
                <span class="muted">trust {d.trust ?? 'unknown'}</span>
                {d.content && <pre>{d.content}</pre>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {findings.length > 0 && (
        <ul class="inline-findings">
          {findings.map((f) => (
            <li key={f.id}>
              <SeverityBadge severity={f.severity} /> <a href={href.finding(f.id)}>{f.ruleId}</a> {f.ruleName}{' '}
              <VerdictBadge verdict={f.verdict} />
              <div class="evidence">{f.evidence}</div>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
