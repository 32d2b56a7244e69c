import { api } from '../api.js';
import { Markdown } from '../components/markdown.js';
import { ErrorBox, Section, useLoad } from '../components/ui.js';
import { href } from '../router.js';
import type { Playbook } from '../types.js';

/** A response playbook (Contain, Investigate, Recover), served by the processor from its generated copy. */
export function PlaybookPage({ id }: { id: string }) {
  const { data, error } = useLoad(
    () => api<{ playbook: Playbook }>(`/playbooks/${encodeURIComponent(id)}`).then((r) => r.playbook),
    [id],
  );
  if (error) return <ErrorBox error={error} />;
  if (!data) return <p class="muted">Loading…</p>;
  // The source's own "# Playbook: …" title is replaced by the page head.
  const body = data.markdown.replace(/^# .*\n/, '');
  return (
    <div>
      <div class="page-head">
        <h1>Playbook: {data.title}</h1>
      </div>
      <Section title="Response">
        <Markdown text={body} />
      </Section>
      <p class="muted">
        Maintained in <code>{data.source}</code>. Linked from{' '}
        {data.rules.map((r, i) => (
          <span key={r}>
            {i > 0 && ', '}
            <code>{r}</code>
          </span>
        ))}{' '}
        (<a href={href.rules()}>rules</a>).
      </p>
    </div>
  );
}
