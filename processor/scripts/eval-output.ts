/**
 * Output-side detection quality (not a test): leak recall and benign flag rates of every registered detector on
 * model outputs, the way the span carries them (system prompt, the user's request, the output).
 *
 *   node --import tsx processor/scripts/eval-output.ts            # per group
 *   node --import tsx processor/scripts/eval-output.ts --features # TH-LEAK-003 feature percentiles per group
 *
 * Groups:
 * - own rows of processor/eval/*.jsonl with channel output / tool_call (each file a group; secrets are generated
 *   from {{secret:KIND}} markers at run time);
 * - dev/gpteacher-own-instruction: the dev set's role-play outputs under their own role-play instruction as the
 *   system prompt (an answer that restates its role: the hardest benign case for containment);
 * - dev/outputs-composed-prompt: every benign dev output under a composed system prompt (seeded, many styles);
 * - dev/outputs-no-prompt: every benign dev output as it is.
 * A leak row counts as found when a system_prompt_leak, secret_leak or pii_leak finding is raised; a benign row
 * counts as flagged when any finding is, except refusals (TH-REF-*: the model's behaviour, not an attack or a leak).
 * Prints ids and numbers only, never dataset text.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { emptyInteraction, type Interaction } from '@tracehound/core';
import { detectionDefaults } from '../src/detect/config.js';
import type { ContentDetector } from '../src/detect/detector.js';
import { containment, buildProfile, rarityWeights, type RarityModel } from '../src/detect/leak/containment.js';
import { loadModel } from '../src/detect/models.js';
import { detectorFactories } from '../src/detect/registry.js';
import { channelTexts } from '../src/detect/texts.js';
import { expandSecretPlaceholders, seededRng } from '../../core/test/fixtures/secrets.js';
import { DEV_FILE, OWN_DIR } from './lib/corpus.js';
import { rng } from './gen-eval/lib.js';
import { composeSystemPrompt } from './gen-eval/system-prompts.js';

interface Row {
  id: string;
  text: string;
  label: string;
  family: string;
  channel: string;
  system?: string;
  request?: string;
}

const LEAK_CATEGORIES = new Set(['system_prompt_leak', 'secret_leak', 'pii_leak']);

function readJsonl(path: string): Row[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Row);
}

function interactionOf(row: Row): Interaction {
  const ix = emptyInteraction('llm_call', 'eval');
  if (row.system) ix.systemInstructions = row.system;
  if (row.request) ix.input.push({ role: 'user', content: row.request });
  if (row.channel === 'tool_call')
    ix.output.push({ role: 'assistant', content: '', toolCalls: [{ name: 'tool', arguments: row.text }] });
  else ix.output.push({ role: 'assistant', content: row.text });
  return ix;
}

const args = process.argv.slice(2);
const config = { ...detectionDefaults };
const detectors: ContentDetector[] = detectorFactories.map((f) => f(config));
const categoryOf = new Map(detectors.flatMap((d) => d.rules.map((r) => [r.id, r.category] as const)));
const cost = new Map<string, { us: number; kb: number }>();

function run(row: Row): { leak: boolean; any: boolean; rules: string[] } {
  const ix = interactionOf(row);
  const texts = channelTexts(ix);
  const rules: string[] = [];
  const kb = Buffer.byteLength(row.text) / 1024;
  for (const d of detectors) {
    const t0 = process.hrtime.bigint();
    const found = d.detect({ interaction: ix, texts });
    const c = cost.get(d.id) ?? { us: 0, kb: 0 };
    c.us += Number(process.hrtime.bigint() - t0) / 1000;
    c.kb += kb;
    cost.set(d.id, c);
    for (const f of found) if (f.confidence >= config.minConfidence) rules.push(f.ruleId);
  }
  // Refusal findings (TH-REF-*) describe the model's behaviour, not an attack or a leak: not counted as flags.
  const flags = rules.filter((r) => categoryOf.get(r) !== 'refusal');
  return { leak: flags.some((r) => LEAK_CATEGORIES.has(categoryOf.get(r) ?? '')), any: flags.length > 0, rules: flags };
}

interface Group {
  name: string;
  rows: Row[];
}

const groups: Group[] = [];
const secretRng = seededRng(2024);
for (const f of readdirSync(OWN_DIR)
  .filter((f) => f.endsWith('.jsonl'))
  .sort()) {
  const rows = readJsonl(join(OWN_DIR, f)).filter((r) => r.channel === 'output' || r.channel === 'tool_call');
  if (rows.length === 0) continue;
  for (const r of rows) r.text = expandSecretPlaceholders(r.text, secretRng);
  groups.push({ name: `own/${f.replace(/\.jsonl$/, '')}`, rows });
}
if (existsSync(DEV_FILE)) {
  const dev = readJsonl(DEV_FILE);
  const paired: Row[] = [];
  for (let i = 1; i < dev.length; i++) {
    const prev = dev[i - 1];
    const r = dev[i];
    if (r.family === 'assistant_output' && prev.family === 'roleplay' && r.id && prev.id)
      paired.push({ ...r, system: prev.text });
  }
  groups.push({ name: 'dev/gpteacher-own-instruction', rows: paired });
  const outputs = dev.filter((r) => r.family === 'assistant_output' && r.label === 'benign');
  const r = rng(5140);
  groups.push({
    name: 'dev/outputs-composed-prompt',
    rows: outputs.map((o) => ({ ...o, system: composeSystemPrompt(r).text })),
  });
  groups.push({ name: 'dev/outputs-no-prompt', rows: outputs });
} else console.log(`note: ${DEV_FILE} not found — own rows only`);

if (args.includes('--features')) {
  const weightOf = rarityWeights(loadModel<RarityModel>(config, 'word-rarity', 'word-rarity.json'));
  const q = (xs: number[], p: number) => xs.slice().sort((a, b) => a - b)[Math.floor(p * (xs.length - 1))] ?? NaN;
  for (const g of groups) {
    for (const label of ['leak', 'benign']) {
      const rows = g.rows.filter((r) => r.label === label && r.system);
      if (rows.length === 0) continue;
      const fs = rows.map((r) => containment(buildProfile(r.system ?? '', weightOf), r.text));
      const line = (name: string, xs: number[]) =>
        `${name} p50=${q(xs, 0.5).toFixed(2)} p90=${q(xs, 0.9).toFixed(2)} p99=${q(xs, 0.99).toFixed(2)} max=${q(xs, 1).toFixed(2)}`;
      console.log(`${g.name} [${label}] n=${rows.length}`);
      console.log(
        `   ${line(
          'lcs',
          fs.map((f) => f.lcs),
        )}  ${line(
          'lcsRatio',
          fs.map((f) => f.lcsRatio),
        )}`,
      );
      console.log(
        `   ${line(
          'shingles',
          fs.map((f) => f.matchedShingles),
        )}  ${line(
          'shRatio',
          fs.map((f) => f.shingleRatio),
        )}`,
      );
      console.log(
        `   ${line(
          'wcov',
          fs.map((f) => f.weightedCoverage),
        )}  ${line(
          'matched',
          fs.map((f) => f.matchedDistinct),
        )}`,
      );
    }
  }
}

const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '–');
let leakHit = 0;
let leakN = 0;
let benHit = 0;
let benN = 0;
for (const g of groups) {
  const leaks = g.rows.filter((r) => r.label === 'leak');
  const benign = g.rows.filter((r) => r.label !== 'leak');
  let lh = 0;
  let bh = 0;
  const missed: string[] = [];
  const flagged = new Map<string, number>();
  const flaggedIds: string[] = [];
  for (const r of leaks) {
    if (run(r).leak) lh++;
    else missed.push(r.id);
  }
  for (const r of benign) {
    const res = run(r);
    if (res.any) {
      bh++;
      flaggedIds.push(r.id);
      for (const id of new Set(res.rules)) flagged.set(id, (flagged.get(id) ?? 0) + 1);
    }
  }
  leakHit += lh;
  leakN += leaks.length;
  if (g.name !== 'dev/outputs-no-prompt') {
    benHit += bh;
    benN += benign.length;
  }
  console.log(
    `${g.name.padEnd(34)} leak ${String(lh).padStart(4)}/${String(leaks.length).padEnd(4)} (${pct(lh, leaks.length).padStart(5)}%)  benign flagged ${String(bh).padStart(3)}/${String(benign.length).padEnd(5)} (${pct(bh, benign.length).padStart(5)}%)  ${[...flagged].map(([k, v]) => `${k}:${v}`).join(' ')}`,
  );
  if (args.includes('--misses')) {
    if (missed.length) console.log(`   missed: ${missed.slice(0, 40).join(' ')}`);
    if (flaggedIds.length) console.log(`   flagged: ${flaggedIds.slice(0, 40).join(' ')}`);
  }
}
const tpr = leakHit / Math.max(1, leakN);
const tnr = 1 - benHit / Math.max(1, benN);
console.log(
  `\nall output rows: leaks found ${pct(leakHit, leakN)}% · benign flagged ${pct(benHit, benN)}% · balanced accuracy ${(((tpr + tnr) / 2) * 100).toFixed(1)}%`,
);
console.log('\ncost per detector (µs per KB of output, mean):');
for (const [id, c] of cost) console.log(`   ${id.padEnd(24)} ${(c.us / Math.max(1e-9, c.kb)).toFixed(1)}`);
