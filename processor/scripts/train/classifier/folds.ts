/**
 * Group k-fold for calibration: every source group lands whole in one fold (so held-out scores are scores on unseen
 * sources), and groups are dealt so that each fold holds a similar share of every class (largest groups first, each
 * to the fold where it adds the least relative load).
 */
import { CLASSES } from '../../../src/detect/classifier/model.js';
import type { Example } from './examples.js';

export function groupFolds(examples: readonly Example[], k: number): number[] {
  const C = CLASSES.length;
  const byGroup = new Map<string, number[]>();
  const total = new Float64Array(C);
  for (const ex of examples) {
    const counts = byGroup.get(ex.group) ?? new Array<number>(C).fill(0);
    counts[ex.y]++;
    byGroup.set(ex.group, counts);
    total[ex.y]++;
  }
  const groups = [...byGroup.entries()].sort(
    (a, b) => b[1].reduce((s, x) => s + x, 0) - a[1].reduce((s, x) => s + x, 0) || a[0].localeCompare(b[0]),
  );
  const load = Array.from({ length: k }, () => new Float64Array(C));
  const foldOf = new Map<string, number>();
  for (const [g, counts] of groups) {
    let best = 0;
    let bestCost = Infinity;
    for (let f = 0; f < k; f++) {
      let cost = 0;
      for (let c = 0; c < C; c++) if (total[c] > 0) cost += ((load[f][c] + counts[c]) / total[c]) ** 2;
      if (cost < bestCost - 1e-12) {
        bestCost = cost;
        best = f;
      }
    }
    foldOf.set(g, best);
    for (let c = 0; c < C; c++) load[best][c] += counts[c];
  }
  return examples.map((ex) => foldOf.get(ex.group) ?? 0);
}
