/**
 * Every KQL query of the Elastic rules parsed with Kibana's own KQL grammar (test/reference/kibana/kuery.peggy,
 * compiled with peggy), and the parsed query evaluated on finding records produced by the real engine: it must select
 * exactly the records the catalog interpreter selects.
 */
import type { EmittedLog } from '@tracehound/core';
import peggy from 'peggy';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTENT_ROOT, loadCatalog } from '../src/catalog.js';
import { NDJSON_FILES, elasticFiles } from '../src/elastic.js';
import { landedFieldSet } from '../src/fields.js';
import { loadPlaybooks } from '../src/generate.js';
import { matchesFilters } from '../src/interpret.js';
import { sampleEngine, type SampleEngine } from './samples/engine.js';
import { ATTACKS, benignTraffic } from './samples/scenarios.js';
import { T0_MS } from './samples/spans.js';

type Node =
  | { type: 'function'; function: 'and' | 'or' | 'not' | 'is' | 'range' | 'nested'; arguments: Node[] }
  | { type: 'literal'; value: string | number | boolean | null }
  | { type: 'wildcard'; value: string }
  | string;

/** The node builders Kibana passes to the grammar (kbn-es-query node_types), reduced to a plain AST. */
const wildcardSymbol = '@kuery-wildcard@';
const nodeTypes = {
  function: {
    buildNodeWithArgumentNodes: (fn: string, args: Node[]) => ({ type: 'function', function: fn, arguments: args }),
    buildNode: (fn: string, ...args: unknown[]) => ({ type: 'function', function: fn, arguments: args }),
  },
  literal: { buildNode: (value: unknown) => ({ type: 'literal', value }) },
  wildcard: {
    wildcardSymbol,
    buildNode: (value: string) => ({ type: 'wildcard', value }),
    hasLeadingWildcard: (n: { value: string }) => n.value.startsWith(wildcardSymbol),
  },
};
const parser = peggy.generate(readFileSync(`${CONTENT_ROOT}test/reference/kibana/kuery.peggy`, 'utf8'));
const parseKql = (q: string): Node => parser.parse(q, { helpers: { nodeTypes } }) as Node;

/** A landed Elastic name's values on one finding record (attributes.x → the x attribute, resource.attributes.x). */
function valuesAt(log: EmittedLog, landed: string): string[] {
  const [bag, name] = landed.startsWith('resource.attributes.')
    ? [log.resource, landed.slice('resource.attributes.'.length)]
    : landed.startsWith('attributes.')
      ? [log.attributes, landed.slice('attributes.'.length)]
      : [log.attributes, landed];
  const v = bag[name];
  if (v === undefined || v === null || v === '') return [];
  return Array.isArray(v) ? v.map(String) : [String(v)];
}

const literal = (n: Node): string | number | boolean | null =>
  typeof n === 'object' && n.type === 'literal' ? n.value : null;

/** KQL semantics on one record: is (exact or `*` = exists), range, and/or/not. */
function evalKql(n: Node, log: EmittedLog): boolean {
  if (typeof n !== 'object' || n.type !== 'function') throw new Error('unexpected node');
  const [a, b, c] = n.arguments;
  switch (n.function) {
    case 'and':
      return n.arguments.every((x) => evalKql(x, log));
    case 'or':
      return n.arguments.some((x) => evalKql(x, log));
    case 'not':
      return !evalKql(a, log);
    case 'is': {
      const vals = valuesAt(log, String(literal(a)));
      if (typeof b === 'object' && b.type === 'wildcard') return b.value === wildcardSymbol ? vals.length > 0 : false;
      return vals.includes(String(literal(b)));
    }
    case 'range': {
      const op = String(b);
      const bound = Number(literal(c));
      return valuesAt(log, String(literal(a))).some((v) =>
        op === 'gte'
          ? Number(v) >= bound
          : op === 'gt'
            ? Number(v) > bound
            : op === 'lte'
              ? Number(v) <= bound
              : Number(v) < bound,
      );
    }
    default:
      throw new Error(`unsupported KQL function ${n.function}`);
  }
}

function fieldsOf(n: Node, out = new Set<string>()): Set<string> {
  if (typeof n === 'object' && n.type === 'function') {
    if (n.function === 'is' || n.function === 'range') out.add(String(literal(n.arguments[0])));
    else for (const x of n.arguments) fieldsOf(x, out);
  }
  return out;
}

const rules = loadCatalog();
const files = elasticFiles(rules, loadPlaybooks());
const kqlRules = (name: string) =>
  files
    .get(name)!
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, any>)
    .filter((l) => l.language === 'kuery');

const engines: SampleEngine[] = [];
afterAll(async () => {
  for (const e of engines) await e.engine.shutdown();
});

describe('KQL with Kibana\u2019s grammar', () => {
  it('every KQL query of both NDJSON files parses and names only landed finding fields', () => {
    const known = landedFieldSet('elastic');
    for (const name of Object.values(NDJSON_FILES))
      for (const l of kqlRules(name)) {
        const ast = parseKql(l.query);
        for (const f of fieldsOf(ast)) expect(known.has(f), `${l.name}: ${f}`).toBe(true);
      }
    expect(() => parseKql('attributes.rule.category : ("a" or ')).toThrow();
  });

  it('the parsed KQL selects exactly the finding records the catalog interpreter selects', () => {
    const logs: EmittedLog[] = [];
    for (const scenario of [...Object.values(ATTACKS).map((s) => s(T0_MS)), benignTraffic()]) {
      const e = sampleEngine();
      engines.push(e);
      logs.push(...e.run(scenario));
    }
    expect(logs.length).toBeGreaterThan(50);
    const byId = new Map(rules.map((r) => [r.id, r]));
    let compared = 0;
    for (const l of kqlRules(NDJSON_FILES.atlas)) {
      const rule = byId.get(l.rule_id)!;
      const ast = parseKql(l.query);
      for (const log of logs) {
        expect(evalKql(ast, log), `${rule.slug} on ${String(log.attributes['rule.id'])}`).toBe(
          matchesFilters(rule, log),
        );
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });
});
