/**
 * Tables the eval prints (and writes as JSON / markdown): rates per group and kind, macro means over groups, rates
 * by language, rules that fired, cost per detector. Never prints row text.
 */
import { isPositiveKind, KIND_LABEL, type RowKind } from './counting.js';
import type { CostTally, RowResult } from './run.js';

export interface Rate {
  n: number;
  hit: number;
  rate: number;
}

/** Groups with fewer rows of a kind than this are listed but left out of the macro mean (one row = 100 % or 0 %). */
export const MIN_GROUP_ROWS = 10;

const KIND_ORDER: RowKind[] = [
  'attack_prompt',
  'attack_document',
  'harmful',
  'leak',
  'unsafe_output',
  'benign_ordinary',
  'benign_hard_negative',
  'benign_document',
  'benign_document_hard_negative',
  'benign_output',
];

function rate(n: number, hit: number): Rate {
  return { n, hit, rate: n ? (100 * hit) / n : 0 };
}

function tally<K>(results: readonly RowResult[], key: (r: RowResult) => K | undefined): Map<K, Rate> {
  const m = new Map<K, { n: number; hit: number }>();
  for (const r of results) {
    const k = key(r);
    if (k === undefined) continue;
    const t = m.get(k) ?? { n: 0, hit: 0 };
    t.n++;
    if (r.hit) t.hit++;
    m.set(k, t);
  }
  return new Map([...m].map(([k, t]) => [k, rate(t.n, t.hit)]));
}

export interface GroupRow extends Rate {
  group: string;
  kind: RowKind;
}

export interface KindMean {
  kind: RowKind;
  /** Mean over groups with ≥ MIN_GROUP_ROWS rows of the kind. */
  macro: number;
  groups: number;
  /** Pooled over all rows of the kind. */
  micro: number;
  n: number;
}

export interface Summary {
  byGroup: GroupRow[];
  means: KindMean[];
  /** Prompts: (macro attack-prompt TPR + (100 − macro ordinary FPR)) / 2, and the same with hard negatives. */
  balancedPrompt: number;
  balancedPromptHard: number;
  balancedDocument: number;
}

export function summarize(results: readonly RowResult[]): Summary {
  const byGroup: GroupRow[] = [];
  for (const [k, r] of tally(results, (x) => `${x.kind}\u0000${x.group}`)) {
    const [kind, group] = k.split('\u0000') as [RowKind, string];
    byGroup.push({ group, kind, ...r });
  }
  byGroup.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.group.localeCompare(b.group));
  const means: KindMean[] = [];
  for (const kind of KIND_ORDER) {
    const rows = byGroup.filter((g) => g.kind === kind);
    if (rows.length === 0) continue;
    const counted = rows.filter((g) => g.n >= MIN_GROUP_ROWS);
    const n = rows.reduce((s, g) => s + g.n, 0);
    const hit = rows.reduce((s, g) => s + g.hit, 0);
    means.push({
      kind,
      macro: counted.length ? counted.reduce((s, g) => s + g.rate, 0) / counted.length : NaN,
      groups: counted.length,
      micro: n ? (100 * hit) / n : 0,
      n,
    });
  }
  const m = (k: RowKind) => means.find((x) => x.kind === k)?.macro ?? NaN;
  return {
    byGroup,
    means,
    balancedPrompt: (m('attack_prompt') + 100 - m('benign_ordinary')) / 2,
    balancedPromptHard: (m('attack_prompt') + 100 - m('benign_hard_negative')) / 2,
    balancedDocument: (m('attack_document') + 100 - m('benign_document')) / 2,
  };
}

const pct = (x: number) => (Number.isFinite(x) ? `${x.toFixed(1)} %` : '–');

export function groupTable(s: Summary): string[] {
  const lines = ['| kind | group | rows | rate |', '|---|---|---:|---:|'];
  for (const g of s.byGroup)
    lines.push(`| ${KIND_LABEL[g.kind]} | ${g.group}${g.n < MIN_GROUP_ROWS ? ' ¹' : ''} | ${g.n} | ${pct(g.rate)} |`);
  return lines;
}

export function meansTable(s: Summary, label = 'LOSO'): string[] {
  const lines = [
    `| kind | ${label} macro mean (groups) | pooled (rows) |`,
    '|---|---:|---:|',
    ...s.means.map((m) => `| ${KIND_LABEL[m.kind]} | **${pct(m.macro)}** (${m.groups}) | ${pct(m.micro)} (${m.n}) |`),
  ];
  lines.push(
    `| prompts balanced accuracy (attack TPR vs ordinary FPR / vs hard-negative FPR) | ${pct(s.balancedPrompt)} / ${pct(s.balancedPromptHard)} | |`,
    `| documents balanced accuracy | ${pct(s.balancedDocument)} | |`,
  );
  return lines;
}

/** Rates by language (rows that carry `lang`), per kind: pooled. */
export function byLanguage(results: readonly RowResult[]): Map<string, Map<string, Rate>> {
  const out = new Map<string, Map<string, Rate>>();
  for (const [k, r] of tally(results, (x) => (x.row.lang ? `${x.kind}\u0000${x.row.lang}` : undefined))) {
    const [kind, lang] = k.split('\u0000');
    const m = out.get(kind) ?? new Map<string, Rate>();
    m.set(lang, r);
    out.set(kind, m);
  }
  return out;
}

export function languageLines(results: readonly RowResult[]): string[] {
  const lines: string[] = [];
  for (const kind of KIND_ORDER) {
    const m = byLanguage(results).get(kind);
    if (!m || m.size < 2) continue;
    const cells = [...m]
      .sort((a, b) => b[1].n - a[1].n)
      .map(([lang, r]) => `${lang} ${r.rate.toFixed(0)}% (${r.n})`)
      .join(' · ');
    lines.push(`  ${KIND_LABEL[kind]}: ${cells}`);
  }
  return lines;
}

/** Rules behind the hits: on benign rows (false positives) and on positive rows. */
export function ruleLines(results: readonly RowResult[]): string[] {
  const fp = new Map<string, number>();
  const tp = new Map<string, number>();
  for (const r of results) {
    if (!r.hit) continue;
    const m = isPositiveKind(r.kind) ? tp : fp;
    for (const id of r.rules) m.set(id, (m.get(id) ?? 0) + 1);
  }
  const fmt = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .map(([id, n]) => `${id} ${n}`)
      .join(', ');
  return [`  on positive rows: ${fmt(tp) || '–'}`, `  on benign rows (false positives): ${fmt(fp) || '–'}`];
}

const median = (xs: number[]) => (xs.length ? xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)] : NaN);

export function costRows(cost: CostTally): Array<{ step: string; medianUsPerKb: number; meanUsPerKb: number }> {
  return [...cost.totalUs.keys()].map((step) => ({
    step,
    medianUsPerKb: median(cost.perKb.get(step) ?? []),
    meanUsPerKb: (cost.totalUs.get(step) ?? 0) / Math.max(1e-9, cost.totalKb),
  }));
}

export function costTable(cost: CostTally): string[] {
  const n = cost.perKb.get('all detectors')?.length ?? 0;
  return [
    `| step | median µs/KB (${n} input rows ≥ 0.5 KB) | mean µs/KB (all rows) |`,
    '|---|---:|---:|',
    ...costRows(cost).map((c) => `| ${c.step} | ${c.medianUsPerKb.toFixed(1)} | ${c.meanUsPerKb.toFixed(1)} |`),
  ];
}
