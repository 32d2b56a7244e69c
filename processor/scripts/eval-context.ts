/**
 * Measurement for the context-aware detectors (issue 14): system-prompt conflicts (prompt rows with a `system`) and
 * indirect injection in documents / tool results (judged against the row's `request`). Runs the whole content engine
 * the way the service does (expandTexts first) over the corpus (processor/scripts/lib/corpus.ts), maps each row into an
 * Interaction as DETECTION.md says, and prints per source group: rows, share flagged by all detectors (counted
 * categories) and by the context detectors alone, plus µs/KB of each detector. Never prints dataset text.
 *
 *   npx tsx processor/scripts/eval-context.ts [--docs] [--prompts] [--misses GROUP] [--fp GROUP]
 */
import { type Detection, emptyInteraction, type Interaction } from '@tracehound/core';
import { detectionDefaults } from '../src/detect/config.js';
import type { ChannelText, ContentDetector } from '../src/detect/detector.js';
import { expandTexts } from '../src/detect/injection/expand.js';
import { detectorFactories } from '../src/detect/registry.js';
import { channelTexts } from '../src/detect/texts.js';
import { loadCorpus, sourceGroup, type CorpusRow } from './lib/corpus.js';

const PROMPT_CATS = new Set(['prompt_injection', 'jailbreak', 'system_prompt_extraction', 'obfuscation']);
const DOC_CATS = new Set([
  'indirect_prompt_injection',
  'prompt_injection',
  'data_exfiltration',
  'obfuscation',
  'jailbreak',
  'system_prompt_extraction',
]);
const OWN_IDS = (id: string) => id.startsWith('context.') || id.startsWith('indirect.');

export function toInteraction(row: CorpusRow): Interaction {
  const ix = emptyInteraction('llm_call', 'eval');
  if (row.system) ix.systemInstructions = row.system;
  if (row.channel === 'document') {
    ix.documents = [{ content: row.text, trust: 'untrusted' }];
    if (row.request) ix.input = [{ role: 'user', content: row.request }];
  } else if (row.channel === 'tool_result') {
    ix.input = [
      ...(row.request ? [{ role: 'user' as const, content: row.request }] : []),
      { role: 'tool', content: row.text },
    ];
  } else if (row.channel === 'output') {
    if (row.request) ix.input = [{ role: 'user', content: row.request }];
    ix.output = [{ role: 'assistant', content: row.text }];
  } else ix.input = [{ role: 'user', content: row.text }];
  return ix;
}

interface Tally {
  n: number;
  all: number;
  own: number;
  base: number;
}

function main(): void {
  const args = process.argv.slice(2);
  const onlyDocs = args.includes('--docs');
  const onlyPrompts = args.includes('--prompts');
  const missGroup = args.includes('--misses') ? args[args.indexOf('--misses') + 1] : undefined;
  const fpGroup = args.includes('--fp') ? args[args.indexOf('--fp') + 1] : undefined;
  const paired = args.includes('--paired');
  let rows = loadCorpus().filter((r) => {
    if (r.label === 'leak' || r.label === 'harmful') return false;
    const doc = r.channel === 'document' || r.channel === 'tool_result';
    if (onlyDocs) return doc;
    if (onlyPrompts) return r.channel === 'prompt';
    if (args.includes('--outputs')) return r.channel === 'output';
    return r.channel !== 'output';
  });
  // --paired: the shared corpus's benign prompts, each under one of the own rows' restrictive system prompts (round
  // robin): how often an innocent request trips a restriction it has nothing to do with.
  if (paired) {
    const systems = [...new Set(rows.filter((r) => r.system).map((r) => r.system as string))];
    let k = 0;
    rows = rows
      .filter((r) => r.set !== 'own' && r.label === 'benign' && r.channel === 'prompt')
      .map((r) => ({ ...r, system: systems[k++ % systems.length], source: `paired/${r.source}` }));
  }
  const config = { ...detectionDefaults };
  const detectors: ContentDetector[] = detectorFactories.map((f) => f(config));
  const cost = new Map<string, { us: number; kb: number; per: number[] }>();
  const tallies = new Map<string, Tally>();
  const ruleHits = new Map<string, number>();
  for (const row of rows) {
    const ix = toInteraction(row);
    const texts: ChannelText[] = expandTexts(channelTexts(ix));
    const kb = Buffer.byteLength(row.text) / 1024;
    const found: Array<{ det: Detection; own: boolean; cat: string }> = [];
    for (const d of detectors) {
      const t0 = process.hrtime.bigint();
      const out = d.detect({ interaction: ix, texts, priorDetections: found.map((f) => f.det) });
      const us = Number(process.hrtime.bigint() - t0) / 1000;
      const c = cost.get(d.id) ?? { us: 0, kb: 0, per: [] };
      c.us += us;
      c.kb += kb;
      if (kb >= 0.5) c.per.push(us / kb);
      cost.set(d.id, c);
      const cats = new Map(d.rules.map((r) => [r.id, r.category as string]));
      for (const det of out)
        if (det.confidence >= config.minConfidence)
          found.push({ det, own: OWN_IDS(d.id), cat: cats.get(det.ruleId) ?? '' });
    }
    const doc = row.channel === 'document' || row.channel === 'tool_result';
    const cnt = (f: { cat: string }) => (row.label === 'attack' ? (doc ? DOC_CATS : PROMPT_CATS).has(f.cat) : true);
    const hitAll = found.some(cnt);
    const hitOwn = found.some((f) => f.own && cnt(f));
    const hitBase = found.some((f) => !f.own && cnt(f));
    const group = `${sourceGroup(row)}${row.set === 'own' ? `/${row.family}` : ''}`;
    const key = `${doc ? 'doc' : row.channel === 'output' ? 'output' : 'prompt'}|${row.label}|${group}`;
    const t = tallies.get(key) ?? { n: 0, all: 0, own: 0, base: 0 };
    t.n++;
    if (hitAll) t.all++;
    if (hitOwn) t.own++;
    if (hitBase) t.base++;
    tallies.set(key, t);
    for (const id of new Set(found.filter(cnt).map((f) => `${doc ? 'doc' : 'prompt'}|${row.label}|${f.det.ruleId}`)))
      ruleHits.set(id, (ruleHits.get(id) ?? 0) + 1);
    if (missGroup && group.startsWith(missGroup) && row.label === 'attack' && !hitOwn)
      console.log(
        `MISS ${row.id} ${group} ${found.map((f) => f.det.ruleId).join(',')}${args.includes('--text') ? ` ${JSON.stringify(row.text.slice(0, 300))}` : ''}`,
      );
    if (fpGroup && group.startsWith(fpGroup) && row.label === 'benign' && hitOwn)
      console.log(
        `FP ${row.id} ${group} ${found
          .filter((f) => f.own)
          .map((f) => `${f.det.ruleId}:${f.det.confidence}`)
          .join(',')}${args.includes('--text') ? ` ${JSON.stringify(row.text.slice(0, 300))}` : ''}`,
      );
  }
  const pct = (a: number, n: number) => (n ? ((100 * a) / n).toFixed(1) : '-').padStart(6);
  console.log(`${'kind|label|group'.padEnd(58)} ${'n'.padStart(6)}  all%    own%   base%`);
  for (const [k, t] of [...tallies].sort())
    console.log(
      `${k.padEnd(58)} ${String(t.n).padStart(6)} ${pct(t.all, t.n)}  ${pct(t.own, t.n)}  ${pct(t.base, t.n)}`,
    );
  console.log('\nrules (rows):');
  for (const [k, n] of [...ruleHits].sort()) console.log(`  ${k.padEnd(30)} ${n}`);
  console.log('\ncost µs/KB (mean · median over rows ≥ 0.5 KB):');
  const median = (xs: number[]) => (xs.length ? xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)] : NaN);
  for (const [id, c] of cost)
    console.log(`  ${id.padEnd(28)} ${(c.us / c.kb).toFixed(1).padStart(8)} · ${median(c.per).toFixed(1).padStart(7)}`);
}

main();
