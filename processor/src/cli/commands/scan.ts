import { ConfigError, formatProblem, loadConfig, type TracehoundConfig } from '../../config/index.js';
import { SEVERITY_ORDER, type Finding, type Severity, type LogView, type SpanView } from '@tracehound/core';
import { UsageError, type Command } from '../command.js';
import { findingsOf, loadEngine, type CliEngine } from '../engine-port.js';
import { readScanInput, type InputProblem } from '../scan/input.js';

/** Spans and logs are scanned in batches so log records can meet the spans they belong to, with memory bounded. */
const BATCH_ITEMS = 5000;
const MAX_PROBLEMS_SHOWN = 20;

export const EXIT_FINDINGS = 3;

export const scanCommand: Command = {
  name: 'scan',
  summary: 'Scan OTLP/JSON files or text rows offline and print findings as JSONL.',
  synopsis: 'tracehound scan [--config FILE] [--fail-on SEVERITY] [--behavior] FILE... (- for stdin)',
  help: `Input files (any mix):
  - OTLP/JSON as the Collector file exporter writes it: one ExportTraceServiceRequest or ExportLogsServiceRequest
    per line, or one JSON document (an object or an array of them);
  - JSONL rows {"text": "...", "channel": "prompt|system|document|tool_call|tool_result|output", "id": "optional"}.
Findings go to stdout, one JSON object per line (with "input": {"file", "line"}); a summary goes to stderr.
The findings file and console settings of the configuration are not used.

Options:
  -c, --config FILE       take detection settings from FILE (default: the embedded default)
  --fail-on SEVERITY      exit 3 when a finding is at least low|medium|high|critical (for CI)
  --behavior              also run the stateful detectors across the input, in file order

Exit codes: 0 scanned, 1 an input could not be read or parsed (TH_SCAN_INPUT) or the configuration is invalid,
2 usage error, 3 findings at or above --fail-on.
`,
  options: { config: { type: 'string', short: 'c' }, 'fail-on': { type: 'string' }, behavior: { type: 'boolean' } },
  positionals: [1, Infinity],
  async run({ values, positionals }, io) {
    const failOn = values['fail-on'] as string | undefined;
    if (failOn !== undefined && !(SEVERITY_ORDER as readonly string[]).includes(failOn)) {
      throw new UsageError(`--fail-on must be one of ${SEVERITY_ORDER.slice(1).join(', ')}`);
    }
    let config: TracehoundConfig;
    try {
      config = loadConfig(values.config as string | undefined, io.env);
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      for (const p of err.problems) io.err(`${formatProblem(p)}\n`);
      return 1;
    }
    let engine: CliEngine | undefined;
    let engineError: string | undefined;
    try {
      engine = await loadEngine(config, { behavior: values.behavior === true, outputSinks: false });
    } catch (err) {
      engineError = (err as Error).message.split('\n', 1)[0];
    }

    const problems: InputProblem[] = [];
    const counts = { files: 0, spans: 0, logs: 0, texts: 0, findings: 0 };
    const bySeverity: Record<Severity, number> = { none: 0, low: 0, medium: 0, high: 0, critical: 0 };
    let worst = 0;

    const emit = async (findings: Finding[], file: string, lineOf: (f: Finding) => number | undefined) => {
      let chunk = '';
      for (const f of findings) {
        counts.findings++;
        bySeverity[f.severity]++;
        worst = Math.max(worst, SEVERITY_ORDER.indexOf(f.severity));
        const line = lineOf(f);
        chunk += `${JSON.stringify({ ...f, input: line ? { file, line } : { file } }, bigintAsString)}\n`;
      }
      if (chunk) await io.out(chunk);
    };

    for (const file of positionals) {
      counts.files++;
      let spans: SpanView[] = [];
      let logs: LogView[] = [];
      let spanLines = new Map<string, number>();
      const flush = async () => {
        if (engine && (spans.length > 0 || logs.length > 0)) {
          const lines = spanLines;
          await emit(engine.scanSpans(spans, logs), file, (f) => lines.get(`${f.traceId}/${f.spanId}`));
        }
        spans = [];
        logs = [];
        spanLines = new Map();
      };
      for await (const rec of readScanInput(file, problems)) {
        if (rec.kind === 'spans') {
          counts.spans += rec.spans.length;
          for (const s of rec.spans) {
            spans.push(s);
            spanLines.set(`${s.traceId}/${s.spanId}`, rec.line);
          }
        } else if (rec.kind === 'logs') {
          counts.logs += rec.logs.length;
          for (const l of rec.logs) logs.push(l);
        } else {
          counts.texts++;
          if (engine) await emit(findingsOf(engine.scanText(rec.text, rec.channel)), file, () => rec.line);
        }
        if (spans.length + logs.length >= BATCH_ITEMS) await flush();
      }
      await flush();
    }
    await engine?.shutdown();

    for (const p of problems.slice(0, MAX_PROBLEMS_SHOWN)) {
      io.err(`TH_SCAN_INPUT ${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}\n`);
    }
    if (problems.length > MAX_PROBLEMS_SHOWN)
      io.err(`TH_SCAN_INPUT ... and ${problems.length - MAX_PROBLEMS_SHOWN} more input problems\n`);
    const sev = SEVERITY_ORDER.slice(1)
      .reverse()
      .map((s) => `${s} ${bySeverity[s]}`)
      .join(', ');
    io.err(
      `scanned ${counts.files} input(s): ${counts.spans} spans, ${counts.logs} log records, ${counts.texts} texts -> ` +
        `${counts.findings} findings (${sev}); ${problems.length} input problem(s)\n`,
    );
    if (engineError) {
      io.err(
        `tracehound scan: the detection engine could not be loaded (${engineError}); inputs were parsed, not scanned\n`,
      );
      return 1;
    }
    if (problems.length > 0) return 1;
    if (failOn !== undefined && counts.findings > 0 && worst >= SEVERITY_ORDER.indexOf(failOn as Severity))
      return EXIT_FINDINGS;
    return 0;
  },
};

function bigintAsString(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}
