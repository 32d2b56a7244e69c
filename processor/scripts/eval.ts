/**
 * `npm run eval`: detection quality of the whole content engine, as `tracehound scan` runs it, over every labelled row
 * (scripts/lib/corpus.ts: the shared dev and train sets when present, and processor/eval/*.jsonl), each row mapped into
 * an Interaction (eval/interaction.ts) and counted by the category rules of docs/DETECTION.md (eval/counting.ts).
 *
 * 1. All rows with the shipped models (in-sample for rows the models were trained on).
 * 2. Leave-one-source-out (eval/loso.ts): per source group, every trainer retrained and recalibrated without the
 *    group, the engine run with those models on the group. Macro means over groups predict unseen sources.
 * 3. Cost: µs per KB per detector (median over input rows of ≥ 0.5 KB, and mean over all rows).
 *
 *   npm run eval                          # everything (about 37 min of CPU: 19 min on two cores)
 *   npm run eval -- --no-loso             # all rows, shipped models only
 *   npm run eval -- --jobs 1              # LOSO folds on this thread only (default: one thread per core, at most 4)
 *   npm run eval -- --groups xsafety/Goal_Hijacking,carriers/email
 *   npm run eval -- --train-on all        # LOSO folds also train on non-permissive rows (what the licence filter costs)
 *   npm run eval -- --off TH-CLS          # rules whose id starts with a prefix disabled (e.g. rules only, no classifier)
 *   npm run eval -- --json out.json --md out.md --misses
 *   npm run eval -- --classifier DIR      # a classifier-tier model instead (eval/classifier-tier.ts, docs/classifiers.md)
 *
 * Never prints row text: `--misses` lists row ids.
 */
import { writeFileSync } from 'node:fs';
import { detectionDefaults, type DetectionConfig } from '../src/detect/config.js';
import { expandSecretPlaceholders, seededRng } from '../../core/test/fixtures/secrets.js';
import { isPermissive, loadCorpus, sourceGroup, type CorpusRow } from './lib/corpus.js';
import { trainers } from './train/index.js';
import { KIND_LABEL, isPositiveKind } from './eval/counting.js';
import { createEvalEngine } from './eval/engine.js';
import { secretCorpus } from './eval/leaks.js';
import { defaultLosoJobs, runLoso } from './eval/loso.js';
import {
  costRows,
  costTable,
  groupTable,
  languageLines,
  MIN_GROUP_ROWS,
  meansTable,
  ruleLines,
  summarize,
} from './eval/report.js';
import { newCost, runRows, type RowResult } from './eval/run.js';
import { runClassifierEval } from './eval/classifier-tier.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const flag = (name: string) => process.argv.includes(name);

function familyLines(results: readonly RowResult[]): string[] {
  const m = new Map<string, { n: number; hit: number }>();
  for (const r of results) {
    const k = `${KIND_LABEL[r.kind]}\u0000${r.row.family}`;
    const t = m.get(k) ?? { n: 0, hit: 0 };
    t.n++;
    if (r.hit) t.hit++;
    m.set(k, t);
  }
  return [...m]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([k, t]) => {
      const [kind, family] = k.split('\u0000');
      return `  ${kind.padEnd(36)} ${family.padEnd(34)} n=${String(t.n).padStart(5)} ${((100 * t.hit) / t.n).toFixed(1).padStart(6)} %`;
    });
}

/** The detection config with every rule whose id starts with one of `prefixes` disabled. */
function withRulesOff(config: DetectionConfig, prefixes: readonly string[]): DetectionConfig {
  if (prefixes.length === 0) return config;
  const ids = createEvalEngine(config).ruleIds.filter((id) => prefixes.some((p) => id.startsWith(p)));
  return { ...config, rules: { ...config.rules, ...Object.fromEntries(ids.map((id) => [id, { enabled: false }])) } };
}

function missLines(results: readonly RowResult[], label: string): string[] {
  return results
    .filter((r) => (isPositiveKind(r.kind) ? !r.hit : r.hit))
    .map(
      (r) =>
        `${label} ${isPositiveKind(r.kind) ? 'MISS' : 'FP  '} ${r.group} ${r.kind} ${r.row.id} ${r.rules.join(',')}`,
    );
}

async function main(): Promise<void> {
  const jsonOut = arg('--json');
  const mdOut = arg('--md');
  const groupsArg = arg('--groups')?.split(',').filter(Boolean);
  const trainOn = arg('--train-on') === 'all' ? 'all' : 'permissive';
  const off = arg('--off')?.split(',').filter(Boolean) ?? [];
  const jobsArg = arg('--jobs');
  const jobs = jobsArg === undefined ? defaultLosoJobs() : Number(jobsArg);
  if (!Number.isInteger(jobs) || jobs < 1) throw new Error(`--jobs must be a whole number ≥ 1, got ${jobsArg}`);
  const t0 = Date.now();

  const corpus = loadCorpus({
    onMissing: (p) => console.log(`note: ${p} not found — evaluating without it (own rows still run)`),
  });
  // Own leak rows mark secrets as {{secret:KIND}}: fill them with freshly generated keys (never stored).
  const rng = seededRng(11);
  for (const r of corpus) if (r.label === 'leak') r.text = expandSecretPlaceholders(r.text, rng);
  const rows: CorpusRow[] = groupsArg ? corpus.filter((r) => groupsArg.includes(sourceGroup(r))) : corpus;
  if (groupsArg && rows.length === 0) throw new Error(`no rows in groups ${groupsArg.join(', ')}`);
  // --classifier DIR: evaluate a classifier-tier model on the same rows instead.
  if (flag('--classifier')) {
    await runClassifierEval(process.argv.slice(2), rows);
    return;
  }

  const testOnly = new Map<string, number>();
  for (const r of corpus) if (!isPermissive(r)) testOnly.set(r.licence, (testOnly.get(r.licence) ?? 0) + 1);
  const groups = new Set(rows.map(sourceGroup));
  console.log(
    `corpus: ${corpus.length} rows (${corpus.filter((r) => r.set === 'dev').length} dev, ${corpus.filter((r) => r.set === 'train').length} train, ${corpus.filter((r) => r.set === 'own').length} own) in ${new Set(corpus.map(sourceGroup)).size} source groups; evaluating ${rows.length} rows in ${groups.size} groups`,
  );
  console.log(
    `licences: ${corpus.filter(isPermissive).length} rows permissive (trainable); test-only, never trained on${trainOn === 'all' ? ' by shipped models (this run trains on them: --train-on all)' : ''}: ${[
      ...testOnly,
    ]
      .map(([l, n]) => `${l} ${n}`)
      .join(', ')}`,
  );
  console.log(`trainers: ${trainers.map((t) => t.id).join(', ') || '(none)'}`);

  // 1. all rows, shipped models
  const cost = newCost();
  const base = withRulesOff(detectionDefaults, off);
  const shipped = createEvalEngine(base);
  if (off.length)
    console.log(`rules off: ${shipped.ruleIds.filter((id) => off.some((p) => id.startsWith(p))).join(', ')}`);
  const all = runRows(shipped, rows, cost);
  const allSummary = summarize(all);
  console.log('\n== all rows, shipped models (in-sample for the rows they were trained on) ==');
  console.log(familyLines(all).join('\n'));
  console.log(meansTable(allSummary, 'all rows').join('\n'));
  console.log('\n== rules that fired (rows), all rows ==');
  console.log(ruleLines(all).join('\n'));
  if (shipped.errors.length)
    console.log(
      `detector errors: ${shipped.errors.length} (first: ${shipped.errors[0].detector}: ${shipped.errors[0].message})`,
    );

  const secrets = groupsArg ? undefined : secretCorpus(shipped);
  if (secrets)
    console.log(
      `\n== secrets: generated corpus (${secrets.formats} formats) n=${secrets.n}, recall ${secrets.recall.toFixed(2)} %${
        Object.keys(secrets.missed).length
          ? `; missed ${Object.entries(secrets.missed)
              .map(([k, n]) => `${k}×${n}`)
              .join(', ')}`
          : ''
      }`,
    );

  // 2. leave-one-source-out
  let loso: Awaited<ReturnType<typeof runLoso>> | undefined;
  let losoSummary: ReturnType<typeof summarize> | undefined;
  if (!flag('--no-loso')) {
    console.log(
      `\n== leave-one-source-out: ${groups.size} folds, ${trainers.length} trainer(s), trained on ${trainOn === 'all' ? 'every row (--train-on all)' : 'permissive rows'} outside the held-out group; ${jobs} thread(s) ==`,
    );
    // Folds train on the whole corpus outside the held-out group; only the selected groups are held out and run.
    loso = await runLoso(corpus, {
      trainers,
      groups: [...groups],
      trainOn,
      seed: 7,
      config: base,
      jobs,
      log: (l) => console.log(l),
    });
    losoSummary = summarize(loso.results);
    console.log(groupTable(losoSummary).join('\n'));
    console.log(`¹ fewer than ${MIN_GROUP_ROWS} rows of the kind: listed, not in the macro mean`);
    console.log(meansTable(losoSummary).join('\n'));
    console.log('\n== leave-one-source-out by language (pooled) ==');
    console.log(languageLines(loso.results).join('\n'));
    console.log('\n== rules that fired (rows), leave-one-source-out ==');
    console.log(ruleLines(loso.results).join('\n'));
  }

  console.log('\n== cost (shipped models, all rows) ==');
  console.log(costTable(cost).join('\n'));
  const cpu = process.cpuUsage(); // every thread of the process
  const foldCpu = loso?.folds.every((f) => f.cpuSeconds !== undefined)
    ? `; the LOSO folds ${loso.folds.reduce((s, f) => s + (f.cpuSeconds ?? 0), 0).toFixed(0)} s`
    : loso
      ? `; the LOSO folds ran on ${jobs} threads: their CPU is in the total`
      : '';
  console.log(
    `\neval took ${((Date.now() - t0) / 1000).toFixed(0)} s (CPU ${((cpu.user + cpu.system) / 1e6).toFixed(0)} s${foldCpu})`,
  );

  if (flag('--misses')) {
    console.log('\n== misses and false positives (row ids) ==');
    console.log([...missLines(all, 'all'), ...(loso ? missLines(loso.results, 'loso') : [])].join('\n'));
  }
  if (jsonOut) {
    const report = {
      trainOn,
      rulesOff: off,
      rows: rows.length,
      testOnlyLicences: Object.fromEntries(testOnly),
      allRows: allSummary,
      loso: losoSummary && { ...losoSummary, folds: loso?.folds },
      secrets,
      cost: costRows(cost),
    };
    writeFileSync(jsonOut, `${JSON.stringify(report, null, 2)}\n`);
  }
  if (mdOut) {
    const md = [
      ...(losoSummary
        ? [
            '### Leave-one-source-out means',
            '',
            ...meansTable(losoSummary),
            '',
            '### Per group',
            '',
            ...groupTable(losoSummary),
            '',
          ]
        : []),
      '### All rows, shipped models',
      '',
      ...meansTable(allSummary, 'all rows'),
      '',
      '### Cost',
      '',
      ...costTable(cost),
      '',
    ];
    writeFileSync(mdOut, md.join('\n'));
  }
}

await main();
