/**
 * `npm run demo`: Tracehound catching attacks on an instrumented agent in under a minute, with nothing else running.
 * Options: --findings FILE (default .tracehound/demo/findings.jsonl, truncated at start; the metrics snapshot lands
 * next to it, and the findings store the console reads), --serve (keep the processor running afterwards so the console
 * and /metrics can be browsed; Ctrl-C stops it).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runDemo } from './demo/run.js';
import { alertRows, renderTable } from './demo/table.js';
import type { DemoProcessor } from './demo/processor.js';

const { values } = parseArgs({ options: { findings: { type: 'string' }, serve: { type: 'boolean' } } });
const findingsFile = resolve(values.findings ?? '.tracehound/demo/findings.jsonl');
const metricsFile = findingsFile.replace(/\.jsonl$/, '') + '.metrics.prom';
mkdirSync(dirname(findingsFile), { recursive: true });
writeFileSync(findingsFile, '');

const started = Date.now();
const err = (line: string) => process.stderr.write(`${line}\n`);
err('tracehound demo: processor + instrumented agent + fake provider, all in this process');
let kept: DemoProcessor | undefined;
const result = await runDemo({
  findingsFile,
  progress: (l) => err(`  ${l}`),
  keep: values.serve ? (p) => void (kept = p) : undefined,
});
writeFileSync(metricsFile, result.metrics);

const rows = alertRows(result.findings);
const out = [
  '',
  `Alerts (${result.findings.length} findings, grouped by rule and session):`,
  '',
  renderTable(rows),
  '',
  'By scenario:',
  ...result.results.map((r) => {
    const got = new Set(r.findings.map((f) => f.rule.category));
    const ok = r.scenario.expect.length === 0 ? r.findings.length === 0 : r.scenario.expect.every((c) => got.has(c));
    return `  ${ok ? 'ok  ' : 'MISS'} ${r.scenario.title}: ${r.scenario.expect.length ? `expected ${r.scenario.expect.join(', ')}` : 'expected no finding'}; got ${r.findings.length} finding(s)`;
  }),
  '',
  `Findings file: ${findingsFile} (one JSON object per finding)`,
  `Metrics:       ${metricsFile} (snapshot; live at ${result.processor.metricsUrl}${values.serve ? '' : ' while the processor runs: npm run demo -- --serve'})`,
  `Rules:         docs/rules.md · what each scenario shows: docs/demo.md`,
  `Console:       ${result.processor.consoleUrl}${values.serve ? '' : ' (while the processor runs: npm run demo -- --serve)'}`,
  `Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  '',
];
process.stdout.write(out.join('\n'));

if (kept) {
  const processor = kept;
  err(`processor still serving on ${processor.httpUrl} (console: ${processor.consoleUrl}); Ctrl-C to stop`);
  await new Promise<void>((r) => process.once('SIGINT', () => r()));
  await processor.stop();
}
process.exit(0);
