/**
 * Classifier tier benchmark (not a test): cost of one classification through the worker pool with the tiny ONNX
 * fixture model (processor/test/fixtures/tiers/tiny-classifier.ts), one text at a time and batched. With a model this
 * small the numbers are the tier's own overhead (tokenizer, message passing, ONNX Runtime call), the floor under any
 * real model; docs/classifiers.md estimates the real models from their sizes.
 *
 *   node --conditions=@tracehound/source --import tsx processor/bench/tiers.bench.ts   (or npm run bench)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Registry } from 'prom-client';
import { ClassifierTier } from '../src/tiers/classifier/tier.js';
import { tiersDefaults } from '../src/tiers/config.js';
import { createTierMetrics } from '../src/tiers/metrics.js';
import { writeTinyClassifier } from '../test/fixtures/tiers/tiny-classifier.js';
import { machine } from './transport.bench.js';

const PROMPT = 'please summarize this document and tell me about the weather report of today now';

interface Row {
  label: string;
  texts: number;
  wallMsPerText: number;
  cpuMsPerText: number;
  textsPerSec: number;
}

async function measure(tier: ClassifierTier, label: string, texts: number, concurrent: boolean): Promise<Row> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  if (concurrent) await Promise.all(Array.from({ length: texts }, (_, i) => tier.scores(0, `${PROMPT} ${i}`)));
  else for (let i = 0; i < texts; i++) await tier.scores(0, `${PROMPT} ${i}`);
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return {
    label,
    texts,
    wallMsPerText: wall / texts,
    cpuMsPerText: (cpu.user + cpu.system) / 1000 / texts,
    textsPerSec: (texts / wall) * 1000,
  };
}

export async function main(): Promise<{ title: string; markdown: string }> {
  const dir = mkdtempSync(join(os.tmpdir(), 'th-tier-bench-'));
  const loadAtStart = os.loadavg()[0]!.toFixed(1);
  const rows: Row[] = [];
  try {
    const modelDir = writeTinyClassifier(join(dir, 'tiny'));
    for (const batchSize of [1, 8]) {
      const tier = new ClassifierTier(
        {
          ...tiersDefaults.classifier,
          enabled: true,
          batchSize,
          maxQueue: 10_000,
          models: [{ name: 'tiny', directory: modelDir, labels: { INJECTION: 0.5 } }],
        },
        { metrics: createTierMetrics(new Registry()) },
      );
      await tier.start();
      try {
        await measure(tier, 'warm-up', 50, false);
        if (batchSize === 1) rows.push(await measure(tier, 'one text at a time (per-call latency)', 500, false));
        rows.push(await measure(tier, `2000 texts queued at once, batchSize ${batchSize}`, 2000, true));
      } finally {
        await tier.shutdown();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const markdown = [
    '## Classifier tier (tiny ONNX model, worker pool)',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}; 1-minute load average at start ${loadAtStart}`,
    '(other jobs shared the machine: treat the numbers as an upper bound of the overhead).',
    '',
    'One worker thread, one ONNX Runtime thread, the tiny fixture model (embedding → mean → linear, 41-word WordPiece',
    `vocabulary), a ${PROMPT.split(' ').length + 1}-word prompt. CPU is process-wide (main thread and worker).`,
    'This is the tier’s own cost per text (tokenizer, worker messages, one ONNX Runtime call); a real model adds its',
    'inference time on top: see [classifiers.md](classifiers.md#expected-cpu-cost).',
    '',
    '| run | texts | wall ms/text | CPU ms/text | texts/s |',
    '|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.label} | ${r.texts} | ${r.wallMsPerText.toFixed(3)} | ${r.cpuMsPerText.toFixed(3)} | ${Math.round(r.textsPerSec)} |`,
    ),
    '',
  ].join('\n');
  return { title: 'Classifier tier (tiny ONNX model, worker pool)', markdown };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log((await main()).markdown);
