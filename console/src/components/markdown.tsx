import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { Fragment, type ComponentChildren } from 'preact';

/**
 * Markdown (CommonMark, parsed by mdast-util-from-markdown) rendered as Preact elements: no HTML string is ever
 * injected, raw HTML in the source is shown as text, and only http(s) links become links. Headings move one level
 * down (the page's own title is the h1).
 */
export function Markdown({ text }: { text: string }) {
  return <div class="markdown">{render(fromMarkdown(text))}</div>;
}

function kids(n: { children: Nodes[] }): ComponentChildren {
  return n.children.map((c, i) => <Fragment key={i}>{render(c)}</Fragment>);
}

function render(n: Nodes): ComponentChildren {
  switch (n.type) {
    case 'root':
      return kids(n);
    case 'heading': {
      const H = `h${Math.min(6, n.depth + 1)}` as 'h2';
      return <H>{kids(n)}</H>;
    }
    case 'paragraph':
      return <p>{kids(n)}</p>;
    case 'list':
      return n.ordered ? <ol start={n.start ?? undefined}>{kids(n)}</ol> : <ul>{kids(n)}</ul>;
    case 'listItem':
      return <li>{kids(n)}</li>;
    case 'blockquote':
      return <blockquote>{kids(n)}</blockquote>;
    case 'emphasis':
      return <em>{kids(n)}</em>;
    case 'strong':
      return <strong>{kids(n)}</strong>;
    case 'inlineCode':
      return <code>{n.value}</code>;
    case 'code':
      return (
        <pre>
          <code>{n.value}</code>
        </pre>
      );
    case 'link':
      return /^https?:\/\//i.test(n.url) ? (
        <a href={n.url} rel="noreferrer">
          {kids(n)}
        </a>
      ) : (
        <span>{kids(n)}</span>
      );
    case 'break':
      return <br />;
    case 'thematicBreak':
      return <hr />;
    case 'text':
    case 'html':
      return n.value;
    default:
      return 'children' in n ? kids(n as { children: Nodes[] }) : 'value' in n ? String(n.value) : null;
  }
}
