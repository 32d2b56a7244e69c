/**
 * The query languages' own lezer grammars (the ones Grafana's and Prometheus's editors use): parse a query and report
 * error nodes, and pull out the names a query refers to (metric names, span attributes, Loki labels).
 */
import type { SyntaxNode, Tree } from '@lezer/common';
import { parser as logqlParser } from '@grafana/lezer-logql';
import { parser as traceqlParser } from '@grafana/lezer-traceql';
import { parser as promqlParser } from '@prometheus-io/lezer-promql';

export type Language = 'promql' | 'traceql' | 'logql';

const PARSERS: Record<Language, { parse(input: string): Tree }> = {
  promql: promqlParser,
  traceql: traceqlParser,
  logql: logqlParser,
};

export function parse(language: Language, text: string): Tree {
  return PARSERS[language].parse(text);
}

/** Error nodes in the parse tree, as "offset: text around it" (empty when the query parses cleanly). */
export function parseErrors(language: Language, text: string): string[] {
  const errors: string[] = [];
  parse(language, text).iterate({
    enter(node) {
      if (node.type.isError) errors.push(`${node.from}: …${text.slice(Math.max(0, node.from - 15), node.to + 15)}…`);
    },
  });
  return errors;
}

function collect(language: Language, text: string, pick: (node: SyntaxNode) => string | undefined): string[] {
  const out = new Set<string>();
  parse(language, text).iterate({
    enter(ref) {
      const v = pick(ref.node);
      if (v !== undefined) out.add(v);
    },
  });
  return [...out];
}

/** Metric names of the vector selectors in a PromQL expression. */
export function promqlMetrics(expr: string): string[] {
  return collect('promql', expr, (n) =>
    n.name === 'Identifier' && n.parent?.name === 'VectorSelector' ? expr.slice(n.from, n.to) : undefined,
  );
}

/** Scoped attributes (`span.x`, `resource.y`) a TraceQL query reads. */
export function traceqlAttributes(query: string): string[] {
  return collect('traceql', query, (n) => (n.name === 'AttributeField' ? query.slice(n.from, n.to) : undefined));
}

/** Label names a LogQL query matches, filters or groups on (stream selector, label filters, by/without). */
export function logqlLabels(query: string): string[] {
  return collect('logql', query, (n) => {
    if (n.name !== 'Identifier') return undefined;
    const parent = n.parent?.name;
    return parent === 'Matcher' || parent === 'NumberFilter' || parent === 'Labels'
      ? query.slice(n.from, n.to)
      : undefined;
  });
}
