/**
 * Detection-quality evaluation: runs the registered content detectors (through the ContentDetector interface, after
 * expandTexts, exactly as the engine does) over the shared dev set (../shared/datasets/dev/dev.jsonl, when present)
 * and over processor/eval/*.jsonl, and prints per-family detection / false-positive rates, balanced accuracy and
 * per-detector cost. `--json FILE` also writes the numbers as JSON. Never prints dataset text.
 *
 *   npm run eval                 # all sources
 *   npm run eval -- --json out.json
 *   npm run eval -- --classifier DIR   # a classifier-tier model (docs/classifiers.md)
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectionDefaults } from '../src/detect/config.js';
import type { ChannelText, ContentDetector } from '../src/detect/detector.js';
import { expandTexts } from '../src/detect/injection/expand.js';
import { detectorFactories } from '../src/detect/registry.js';
import { type Channel, emptyInteraction } from '@tracehound/core';
import { datasetSplit } from '../src/detect/lexical/split.js';
import { runClassifierEval } from './eval/classifier-tier.js';
// The secret corpus generator is shared with the tests: checksum-valid, freshly generated keys, never stored.
import { expandSecretPlaceholders, generateSecretCorpus, seededRng } from '../../core/test/fixtures/secrets.js';

const here = dirname(fileURLToPath(import.meta.url));
const DEV = resolve(here, '../../../shared/datasets/dev/dev.jsonl');
const OWN = resolve(here, '../eval');

interface Row {
  id: string;
  text: string;
  label: 'attack' | 'benign' | 'harmful';
  family: string;
  channel: string;
  source: string;
}

function readJsonl(path: string, source: string): Row[] {
  const rows: Row[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as Partial<Row>;
    if (typeof r.text !== 'string' || !r.label) continue;
    rows.push({
      id: String(r.id),
      text: r.text,
      label: r.label,
      family: r.family ?? r.label,
      channel: r.channel ?? 'prompt',
      source,
    });
  }
  return rows;
}

const CHANNELS: Record<string, Channel> = {
  prompt: 'prompt',
  document: 'document',
  tool_result: 'tool_result',
  output: 'output',
  tool_call: 'tool_call',
};
// Detectors whose findings count as "attack detected" (the injection family and the lexical model).
const COUNTED = (id: string) => id.startsWith('injection.') || id.startsWith('lexical.');
// The model-abuse family is tallied on its own: its positives are the `harmful` rows, not the attacks.
const ABUSE = (id: string) => id === 'abuse';

interface Tally {
  n: number;
  hit: number;
}
const tally = () => ({ n: 0, hit: 0 });

function main(): void {
  const args = process.argv.slice(2);
  const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;
  const verbose = args.includes('--misses');
  const rows: Row[] = [];
  if (existsSync(DEV)) rows.push(...readJsonl(DEV, 'dev'));
  else console.log(`note: ${DEV} not found — evaluating only processor/eval/*.jsonl`);
  for (const f of existsSync(OWN)
    ? readdirSync(OWN)
        .filter((f) => f.endsWith('.jsonl'))
        .sort()
    : [])
    rows.push(...readJsonl(join(OWN, f), 'own'));
  // --classifier DIR: evaluate a classifier-tier model instead (eval/classifier-tier.ts).
  if (args.includes('--classifier')) {
    void runClassifierEval(args, rows);
    return;
  }

  const config = { ...detectionDefaults, detectors: { ...detectionDefaults.detectors } };
  // --lex-threshold P overrides the shipped lexical threshold (for tuning); --no-lex turns the model off.
  if (args.includes('--lex-threshold'))
    config.detectors['lexical.injection'] = { threshold: Number(args[args.indexOf('--lex-threshold') + 1]) };
  if (args.includes('--no-lex')) config.rules = { ...config.rules, 'TH-LEX-001': { enabled: false } };
  const detectors: ContentDetector[] = detectorFactories.map((f) => f(config));
  const cost = new Map<string, { us: number; kb: number; perRow: number[] }>();
  const addCost = (id: string, us: number, kb: number, input = true) => {
    const c = cost.get(id) ?? { us: 0, kb: 0, perRow: [] };
    c.us += us;
    c.kb += kb;
    // Median over input texts (prompts, documents, tool results) of 0.5 KB or more: short texts are dominated by
    // per-call overhead and the clock, and model outputs skip most injection work.
    if (input && kb >= 0.5) c.perRow.push(us / kb);
    cost.set(id, c);
  };
  const median = (xs: number[]) => (xs.length ? xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)] : NaN);
  // family tallies keyed by `${source}|${split}|${label}|${family}`
  const fam = new Map<string, Tally>();
  const abuseFam = new Map<string, Tally>();
  const ruleHits = new Map<string, number>();
  const misses: string[] = [];
  for (const row of rows) {
    const channel = CHANNELS[row.channel] ?? 'prompt';
    const kb = Buffer.byteLength(row.text) / 1024;
    const ix = emptyInteraction('llm_call', 'eval');
    if (channel === 'document') ix.documents = [{ content: row.text, trust: 'untrusted' }];
    let t0 = process.hrtime.bigint();
    const texts: ChannelText[] = expandTexts([
      { channel, text: row.text, origin: 'raw', ...(channel === 'document' ? { index: 0 } : {}) },
    ]);
    addCost('expandTexts', Number(process.hrtime.bigint() - t0) / 1000, kb, channel !== 'output');
    let hit = false;
    let abuseHit = false;
    const rules: string[] = [];
    for (const d of detectors) {
      t0 = process.hrtime.bigint();
      const found = d.detect({ interaction: ix, texts });
      addCost(d.id, Number(process.hrtime.bigint() - t0) / 1000, kb, channel !== 'output');
      if (ABUSE(d.id) && found.some((det) => det.confidence >= config.minConfidence)) abuseHit = true;
      if (!COUNTED(d.id)) continue;
      for (const det of found) {
        if (det.confidence < config.minConfidence) continue;
        hit = true;
        rules.push(det.ruleId);
      }
    }
    const split = row.source === 'dev' || row.source === 'own' ? datasetSplit(row.id) : 'all';
    for (const key of [
      `${row.source}|all|${row.label}|${row.family}`,
      `${row.source}|${split}|${row.label}|${row.family}`,
    ]) {
      const t = fam.get(key) ?? tally();
      t.n++;
      if (hit) t.hit++;
      fam.set(key, t);
      const a = abuseFam.get(key) ?? tally();
      a.n++;
      if (abuseHit) a.hit++;
      abuseFam.set(key, a);
    }
    for (const r of new Set(rules)) ruleHits.set(`${row.label}|${r}`, (ruleHits.get(`${row.label}|${r}`) ?? 0) + 1);
    if (verbose && ((row.label === 'attack' && !hit) || (row.label === 'benign' && hit)))
      misses.push(
        `${row.label === 'attack' ? 'MISS' : 'FP  '} ${row.source}/${row.family} ${row.id} ${rules.join(',')}`,
      );
  }

  const pct = (t: Tally) => (t.n ? (100 * t.hit) / t.n : 0);
  const report: Record<string, unknown> = {};
  for (const source of ['dev', 'own']) {
    for (const split of ['all', 'train', 'holdout']) {
      const entries = [...fam.entries()].filter(([k]) => k.startsWith(`${source}|${split}|`));
      if (entries.length === 0) continue;
      console.log(`\n== ${source} (${split}) ==`);
      const sum = { attack: tally(), benign: tally(), harmful: tally(), benignPrompt: tally() };
      for (const [k, t] of entries.sort()) {
        const [, , label, family] = k.split('|');
        const metric =
          label === 'attack'
            ? 'detected (TPR)'
            : label === 'benign'
              ? 'flagged (FPR)'
              : label === 'harmful'
                ? 'flagged (not tuned)'
                : 'flagged (other)';
        console.log(
          `  ${label.padEnd(8)} ${family.padEnd(22)} n=${String(t.n).padStart(5)}  ${metric.padEnd(20)} ${pct(t).toFixed(1).padStart(5)}%`,
        );
        const s = sum[label as 'attack' | 'benign' | 'harmful'];
        if (!s) continue; // labels of other helpers' files (e.g. leak examples) are listed, not summarized
        s.n += t.n;
        s.hit += t.hit;
        if (label === 'benign' && family !== 'assistant_output') {
          sum.benignPrompt.n += t.n;
          sum.benignPrompt.hit += t.hit;
        }
        report[`${source}.${split}.${label}.${family}`] = { n: t.n, rate: Math.round(pct(t) * 10) / 10 };
      }
      const tpr = pct(sum.attack) / 100;
      const tnr = 1 - pct(sum.benignPrompt) / 100;
      const bal = sum.attack.n && sum.benignPrompt.n ? ((tpr + tnr) / 2) * 100 : NaN;
      console.log(
        `  → attacks detected ${(tpr * 100).toFixed(1)}% · FP on benign inputs ${pct(sum.benignPrompt).toFixed(2)}% · FP on all benign rows incl. outputs ${pct(sum.benign).toFixed(2)}% · balanced accuracy ${bal.toFixed(1)}%`,
      );
      report[`${source}.${split}.summary`] = {
        tpr: tpr * 100,
        fprInputs: pct(sum.benignPrompt),
        balancedAccuracy: bal,
      };
    }
  }
  // Model abuse: flagged rate of the abuse detector per family; harmful rows are its positives.
  for (const source of ['dev', 'own']) {
    for (const split of ['all', 'train', 'holdout']) {
      const entries = [...abuseFam.entries()].filter(
        ([k]) => k.startsWith(`${source}|${split}|`) && !k.includes('|attack|'),
      );
      if (entries.length === 0) continue;
      console.log(`\n== model abuse: ${source} (${split}) ==`);
      for (const [k, t] of entries.sort()) {
        const [, , label, family] = k.split('|');
        console.log(
          `  ${label.padEnd(8)} ${family.padEnd(34)} n=${String(t.n).padStart(5)}  ${(label === 'harmful' ? 'flagged (TPR)' : 'flagged (FPR)').padEnd(14)} ${pct(t).toFixed(1).padStart(5)}%`,
        );
        report[`abuse.${source}.${split}.${label}.${family}`] = { n: t.n, rate: Math.round(pct(t) * 10) / 10 };
      }
    }
  }
  report.leaks = leakEval(detectors, config.minConfidence, rows);
  console.log('\n== rules fired (rows) ==');
  for (const [k, n] of [...ruleHits.entries()].sort()) console.log(`  ${k.padEnd(30)} ${n}`);
  console.log('\n== cost (µs per KB of input text: mean over all rows · median over input rows of 0.5 KB+) ==');
  for (const [id, c] of cost)
    console.log(
      `  ${id.padEnd(24)} ${(c.us / c.kb).toFixed(1).padStart(8)} µs/KB · median ${median(c.perRow).toFixed(1).padStart(7)} µs/KB`,
    );
  report.cost = Object.fromEntries([...cost].map(([id, c]) => [id, Math.round((c.us / c.kb) * 10) / 10]));
  if (verbose) console.log(misses.join('\n'));
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify(report, null, 2));
}

/**
 * Secrets and PII in outputs: recall over a generated corpus of checksum-valid keys in every supported format (and our
 * own leak-*.jsonl rows, their {{secret:KIND}} markers filled with fresh keys), false positives over benign model
 * outputs. Only the secret and PII detectors' categories count here.
 */
function leakEval(detectors: ContentDetector[], minConfidence: number, rows: Row[]): Record<string, unknown> {
  const leakDetectors = detectors.filter((d) => d.id === 'secrets' || d.id === 'pii');
  const category = new Map(leakDetectors.flatMap((d) => d.rules.map((r) => [r.id, r.category] as const)));
  const found = (text: string, channel: Channel): Set<string> => {
    const ix = emptyInteraction('llm_call', 'eval');
    const texts: ChannelText[] = [{ channel, text, origin: 'raw' }];
    const out = new Set<string>();
    for (const d of leakDetectors)
      for (const det of d.detect({ interaction: ix, texts }))
        if (det.confidence >= minConfidence) out.add(category.get(det.ruleId) ?? '');
    return out;
  };
  const corpus = [1, 2, 3, 4, 5].flatMap((seed) => generateSecretCorpus(seed, 6));
  const missedKinds = new Map<string, number>();
  let corpusHit = 0;
  for (const s of corpus) {
    if (found(s.text, 'output').has('secret_leak')) corpusHit++;
    else missedKinds.set(s.kind, (missedKinds.get(s.kind) ?? 0) + 1);
  }
  const rng = seededRng(11);
  const own = { secret: tally(), pii: tally() };
  const fp = { secret: tally(), pii: tally() };
  for (const row of rows) {
    const channel = CHANNELS[row.channel] ?? 'prompt';
    if ((row.label as string) === 'leak') {
      const t = row.family === 'pii_leak' ? own.pii : own.secret;
      t.n++;
      if (found(expandSecretPlaceholders(row.text, rng), channel).has(row.family)) t.hit++;
    } else if (row.label === 'benign' && channel === 'output') {
      const cats = found(row.text, 'output');
      fp.secret.n++;
      fp.pii.n++;
      if (cats.has('secret_leak')) fp.secret.hit++;
      if (cats.has('pii_leak')) fp.pii.hit++;
    }
  }
  const pct = (t: Tally) => (t.n ? (100 * t.hit) / t.n : 0);
  console.log('\n== secrets and PII in outputs ==');
  console.log(
    `  generated secret corpus (${new Set(corpus.map((c) => c.kind)).size} formats) n=${corpus.length}  recall ${((100 * corpusHit) / corpus.length).toFixed(2)}%`,
  );
  if (missedKinds.size) console.log(`    missed: ${[...missedKinds].map(([k, n]) => `${k}×${n}`).join(', ')}`);
  console.log(
    `  own secret rows n=${own.secret.n}  recall ${pct(own.secret).toFixed(1)}% · own PII rows n=${own.pii.n}  recall ${pct(own.pii).toFixed(1)}%`,
  );
  console.log(
    `  benign outputs n=${fp.secret.n}  secret findings ${pct(fp.secret).toFixed(2)}% (${fp.secret.hit}) · PII findings ${pct(fp.pii).toFixed(2)}% (${fp.pii.hit})`,
  );
  return {
    corpusRecall: (100 * corpusHit) / corpus.length,
    ownSecretRecall: pct(own.secret),
    ownPiiRecall: pct(own.pii),
    benignOutputs: fp.secret.n,
    secretFalsePositives: fp.secret.hit,
    piiFindingsOnBenign: fp.pii.hit,
  };
}

main();
