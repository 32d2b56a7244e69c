/**
 * `npm run eval -- --classifier DIR`: the classifier tier's model on the evaluation rows, through the same worker pool,
 * windows and thresholds the processor uses (tiers/classifier). Prints, per source and family, the share of attack
 * rows the model flags and of benign rows it flags wrongly, balanced accuracy and CPU per text. Never prints row text.
 *
 *   --classifier DIR              a model directory (docs/classifiers.md)
 *   --classifier-labels L=P,...   attack labels and thresholds (default: every label but the first, at 0.5)
 *   --classifier-limit N          about N rows per source, evenly spread (the real models take tens of ms per row)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Registry } from 'prom-client';
import { emptyInteraction, type Interaction } from '@tracehound/core';
import { ClassifierTier } from '../../src/tiers/classifier/tier.js';
import { tiersDefaults } from '../../src/tiers/config.js';
import { createTierMetrics } from '../../src/tiers/metrics.js';

export interface ClassifierEvalRow {
  id: string;
  text: string;
  label: string;
  family: string;
  channel: string;
  source: string;
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function attackLabels(dir: string, spec: string | undefined): Record<string, number> {
  if (spec)
    return Object.fromEntries(
      spec.split(',').map((kv) => {
        const [label, p] = kv.split('=');
        return [label!, p === undefined ? 0.5 : Number(p)];
      }),
    );
  const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as { id2label?: Record<string, string> };
  const labels = Object.entries(config.id2label ?? {})
    .sort((a, b) => Number(a[0]) - Number(b[0]))
    .map(([, l]) => l);
  return Object.fromEntries(labels.slice(1).map((l) => [l, 0.5]));
}

const pct = (a: number, n: number) => (n ? `${((100 * a) / n).toFixed(1)} %` : '—');

export async function runClassifierEval(args: string[], rows: ClassifierEvalRow[]): Promise<void> {
  const dir = option(args, '--classifier')!;
  const limit = Number(option(args, '--classifier-limit') ?? Infinity);
  const labels = attackLabels(dir, option(args, '--classifier-labels'));
  const tier = new ClassifierTier(
    {
      ...tiersDefaults.classifier,
      enabled: true,
      maxQueue: 1_000_000,
      timeoutMs: 60_000,
      models: [{ name: 'eval', directory: dir, labels }],
    },
    { metrics: createTierMetrics(new Registry()) },
  );
  await tier.start();
  // --classifier-limit keeps every k-th row of a source, so attacks and benign rows stay in proportion.
  const usable = rows.filter((r) => r.label === 'attack' || r.label === 'benign');
  const counts = new Map<string, number>();
  for (const r of usable) counts.set(r.source, (counts.get(r.source) ?? 0) + 1);
  const seen = new Map<string, number>();
  const picked = usable.filter((r) => {
    const i = seen.get(r.source) ?? 0;
    seen.set(r.source, i + 1);
    return i % Math.max(1, Math.ceil(counts.get(r.source)! / limit)) === 0;
  });
  const fam = new Map<string, { n: number; hit: number }>();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  try {
    await Promise.all(
      picked.map(async (r) => {
        const ix: Interaction = { ...emptyInteraction('llm_call', 'eval') };
        if (r.channel === 'document') ix.documents = [{ content: r.text }];
        else if (r.channel === 'tool_result') ix.tool = { name: 'eval', result: r.text };
        else ix.input = [{ role: 'user', content: r.text }];
        const hit = (await tier.detect(ix)).length > 0;
        for (const key of [`${r.source}|${r.label}|all`, `${r.source}|${r.label}|${r.family}`]) {
          const t = fam.get(key) ?? { n: 0, hit: 0 };
          t.n++;
          if (hit) t.hit++;
          fam.set(key, t);
        }
      }),
    );
  } finally {
    await tier.shutdown();
  }
  const cpu = process.cpuUsage(cpu0);
  const wall = performance.now() - t0;
  console.log(`classifier tier: ${dir}, attack labels ${JSON.stringify(labels)}, ${picked.length} rows`);
  console.log(
    `cost: ${((cpu.user + cpu.system) / 1000 / Math.max(1, picked.length)).toFixed(2)} ms CPU per row, ${(wall / Math.max(1, picked.length)).toFixed(2)} ms wall per row (1 worker, 1 thread)`,
  );
  for (const source of [...new Set(picked.map((r) => r.source))].sort()) {
    const a = fam.get(`${source}|attack|all`) ?? { n: 0, hit: 0 };
    const b = fam.get(`${source}|benign|all`) ?? { n: 0, hit: 0 };
    const tpr = a.n ? a.hit / a.n : NaN;
    const tnr = b.n ? 1 - b.hit / b.n : NaN;
    console.log(
      `${source}: detected ${pct(a.hit, a.n)} of ${a.n} attacks, false positives ${pct(b.hit, b.n)} of ${b.n} benign, balanced accuracy ${(((tpr + tnr) / 2) * 100).toFixed(1)} %`,
    );
    for (const [key, t] of [...fam].sort()) {
      const [s, label, family] = key.split('|');
      if (s !== source || family === 'all') continue;
      console.log(`  ${label} ${family}: ${pct(t.hit, t.n)} flagged of ${t.n}`);
    }
  }
}
