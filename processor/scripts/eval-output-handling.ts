/**
 * Detection quality of the insecure-output-handling detector (TH-OUT-*), through the ContentDetector interface as the
 * engine runs it. Positives: processor/eval/output-handling.jsonl attack rows (own, composed by
 * scripts/gen-eval/output-handling.ts). Negatives: that file's look-alikes, every benign row of the shared dev set
 * (../shared/datasets/dev, when present: model outputs as answers, prompts as values of a tool argument) and every
 * benign row of the training set's documents and prompts as tool-argument values. Prints rates and cost; never
 * prints row text.
 *
 *   node --import tsx processor/scripts/eval-output-handling.ts [--json FILE]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { emptyInteraction, type Interaction } from '@tracehound/core';
import { detectionDefaults } from '../src/detect/config.js';
import { createOutputHandlingDetector } from '../src/detect/output-handling/index.js';
import { channelTexts } from '../src/detect/texts.js';

const here = dirname(fileURLToPath(import.meta.url));
const OWN = resolve(here, '../eval/output-handling.jsonl');
const SETS = [
  { name: 'dev', path: resolve(here, '../../../shared/datasets/dev/dev.jsonl') },
  { name: 'train', path: resolve(here, '../../../shared/datasets/train/train.jsonl') },
];

interface Row {
  text: string;
  label: string;
  family: string;
  channel: string;
  tool?: string;
}
const read = (p: string): Row[] =>
  readFileSync(p, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Row);

function interaction(row: Row): Interaction {
  if (row.channel === 'output') {
    const ix = emptyInteraction('llm_call', 'eval');
    ix.output = [{ role: 'assistant', content: row.text }];
    return ix;
  }
  const ix = emptyInteraction('tool_call', 'eval');
  // A tool call: own rows carry their arguments; dataset text becomes the value of a search tool's argument.
  ix.tool = { name: row.tool ?? 'search_kb', arguments: row.tool ? row.text : JSON.stringify({ q: row.text }) };
  return ix;
}

const detector = createOutputHandlingDetector(detectionDefaults);
const tallies = new Map<string, { n: number; hit: number }>();
const ruleHits = new Map<string, number>();
let us = 0;
let kb = 0;
/** µs per KB of texts of 0.5 KB or more (short texts measure per-call overhead and the clock). */
const perKb: number[] = [];
function run(source: string, row: Row, label: 'attack' | 'benign'): void {
  const ix = interaction(row);
  const t0 = process.hrtime.bigint();
  const found = detector
    .detect({ interaction: ix, texts: channelTexts(ix) })
    .filter((d) => d.confidence >= detectionDefaults.minConfidence);
  const dt = Number(process.hrtime.bigint() - t0) / 1000;
  const size = Buffer.byteLength(row.text) / 1024;
  us += dt;
  kb += size;
  if (size >= 0.5) perKb.push(dt / size);
  const key = `${source}|${label}|${row.family}|${row.channel}`;
  const t = tallies.get(key) ?? { n: 0, hit: 0 };
  t.n++;
  if (found.length > 0) t.hit++;
  tallies.set(key, t);
  for (const d of new Set(found.map((x) => x.ruleId)))
    ruleHits.set(`${label}|${d}`, (ruleHits.get(`${label}|${d}`) ?? 0) + 1);
}

for (const row of read(OWN)) run('own', row, row.label === 'unsafe_output' ? 'attack' : 'benign');
for (const set of SETS) {
  if (!existsSync(set.path)) {
    console.log(`note: ${set.path} not found — skipped`);
    continue;
  }
  for (const row of read(set.path)) {
    if (row.label !== 'benign') continue;
    run(set.name, { ...row, channel: row.channel === 'output' ? 'output' : 'tool_call', tool: undefined }, 'benign');
  }
}

const median = (xs: number[]) => (xs.length ? xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)] : NaN);
const report: Record<string, unknown> = {};
const sums = { attack: { n: 0, hit: 0 }, benign: { n: 0, hit: 0 } };
for (const [k, t] of [...tallies.entries()].sort()) {
  const [source, label, family, channel] = k.split('|');
  const pct = (100 * t.hit) / t.n;
  console.log(
    `${source.padEnd(6)} ${label.padEnd(7)} ${family.padEnd(20)} ${channel.padEnd(9)} n=${String(t.n).padStart(6)}  ${label === 'attack' ? 'detected' : 'flagged '} ${pct.toFixed(2).padStart(6)}%`,
  );
  report[k] = { n: t.n, rate: Math.round(pct * 100) / 100 };
  const s = sums[label as 'attack' | 'benign'];
  s.n += t.n;
  s.hit += t.hit;
}
const tpr = sums.attack.hit / sums.attack.n;
const fpr = sums.benign.hit / sums.benign.n;
console.log(
  `\n→ attacks detected ${(100 * tpr).toFixed(1)}% (${sums.attack.hit}/${sums.attack.n}) · benign flagged ${(100 * fpr).toFixed(3)}% (${sums.benign.hit}/${sums.benign.n}) · ${(us / kb).toFixed(1)} µs/KB overall, median ${median(perKb).toFixed(1)} µs/KB over texts ≥ 0.5 KB`,
);
console.log(`rule hits: ${JSON.stringify(Object.fromEntries([...ruleHits.entries()].sort()))}`);
report.summary = { tpr: 100 * tpr, fpr: 100 * fpr, usPerKb: us / kb, medianUsPerKb: median(perKb) };
const args = process.argv.slice(2);
if (args.includes('--json')) writeFileSync(args[args.indexOf('--json') + 1], JSON.stringify(report, null, 2));
