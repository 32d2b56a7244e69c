/**
 * Runs an engine over rows and records, per row, what the counting rules need (kind, hit, categories, rules) and,
 * when asked, the time each detector took per KB of text.
 */
import type { CorpusRow } from '../lib/corpus.js';
import { sourceGroup } from '../lib/corpus.js';
import { rowHit, rowKind, type RowKind } from './counting.js';
import type { EvalEngine, StepTimes } from './engine.js';
import { rowInteraction } from './interaction.js';

export interface RowResult {
  row: CorpusRow;
  group: string;
  kind: RowKind;
  hit: boolean;
  categories: string[];
  rules: string[];
}

/** Per step: µs/KB of every input row of ≥ 0.5 KB (for the median), and total µs and KB over all rows. */
export interface CostTally {
  perKb: Map<string, number[]>;
  totalUs: Map<string, number>;
  totalKb: number;
}

export const newCost = (): CostTally => ({ perKb: new Map(), totalUs: new Map(), totalKb: 0 });

const MIN_KB = 0.5;

function rowKb(row: CorpusRow): number {
  return (
    (Buffer.byteLength(row.text) + Buffer.byteLength(row.system ?? '') + Buffer.byteLength(row.request ?? '')) / 1024
  );
}

export function runRows(engine: EvalEngine, rows: readonly CorpusRow[], cost?: CostTally): RowResult[] {
  const out: RowResult[] = [];
  const times: StepTimes = new Map();
  for (const row of rows) {
    times.clear();
    const findings = engine.run(rowInteraction(row), cost ? times : undefined);
    const categories = new Set(findings.map((f) => f.rule.category as string));
    const kind = rowKind(row);
    out.push({
      row,
      group: sourceGroup(row),
      kind,
      hit: rowHit(kind, categories),
      categories: [...categories].sort(),
      rules: [...new Set(findings.map((f) => f.rule.id))].sort(),
    });
    if (!cost) continue;
    const kb = rowKb(row);
    cost.totalKb += kb;
    let all = 0;
    for (const [id, us] of times) {
      all += us;
      cost.totalUs.set(id, (cost.totalUs.get(id) ?? 0) + us);
    }
    cost.totalUs.set('all detectors', (cost.totalUs.get('all detectors') ?? 0) + all);
    if (row.channel === 'output' || row.channel === 'tool_call' || kb < MIN_KB) continue;
    for (const [id, us] of [...times, ['all detectors', all] as [string, number]]) {
      const list = cost.perKb.get(id) ?? [];
      list.push(us / kb);
      cost.perKb.set(id, list);
    }
  }
  return out;
}
