import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { Channel, LogView, SpanView } from '@tracehound/core';
import { logsRequestToViews, traceRequestToViews } from './otlp-json.js';

/**
 * Offline scan input: files as the Collector's file exporter writes them (one ExportTraceServiceRequest or
 * ExportLogsServiceRequest JSON object per line), a single (pretty-printed) JSON document of the same, or JSONL rows
 * {"text": "...", "channel": "prompt"} with the text to scan.
 */

export type ScanRecord =
  | { kind: 'spans'; spans: SpanView[]; line: number }
  | { kind: 'logs'; logs: LogView[]; line: number }
  | { kind: 'text'; text: string; channel: Channel; line: number; id?: string };

export interface InputProblem {
  file: string;
  line?: number;
  message: string;
}

export const CHANNELS: readonly Channel[] = ['prompt', 'system', 'document', 'tool_call', 'tool_result', 'output'];

/** A whole-document input is held in memory: cap it (line-per-request files stream and have no such limit). */
const MAX_DOCUMENT_CHARS = 256 * 1024 * 1024;

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Classify one parsed JSON value into scan records; problems for anything else. */
export function classify(value: unknown, line: number, file: string, problems: InputProblem[]): ScanRecord[] {
  if (Array.isArray(value)) return value.flatMap((v) => classify(v, line, file, problems));
  if (!isObj(value)) {
    problems.push({ file, line, message: 'expected a JSON object' });
    return [];
  }
  const out: ScanRecord[] = [];
  if ('resourceSpans' in value || 'resource_spans' in value)
    out.push({ kind: 'spans', spans: traceRequestToViews(value).items, line });
  if ('resourceLogs' in value || 'resource_logs' in value)
    out.push({ kind: 'logs', logs: logsRequestToViews(value).items, line });
  if (out.length > 0) return out;
  if ('resourceMetrics' in value || 'resource_metrics' in value) return []; // metrics carry no LLM content
  if (typeof value.text === 'string') {
    const channel = value.channel ?? 'prompt';
    if (typeof channel !== 'string' || !(CHANNELS as readonly string[]).includes(channel)) {
      problems.push({ file, line, message: `unknown channel (expected one of ${CHANNELS.join(', ')})` });
      return [];
    }
    const rec: ScanRecord = { kind: 'text', text: value.text, channel: channel as Channel, line };
    if (typeof value.id === 'string') rec.id = value.id;
    return [rec];
  }
  problems.push({
    file,
    line,
    message: 'neither an OTLP export request (resourceSpans/resourceLogs) nor a {"text": ...} row',
  });
  return [];
}

/** Stream the records of one input ('-' is stdin). Unreadable input ends the stream with a problem. */
export async function* readScanInput(
  file: string,
  problems: InputProblem[],
  stdin: Readable = process.stdin,
): AsyncGenerator<ScanRecord> {
  const stream = file === '-' ? stdin : createReadStream(file, { encoding: 'utf8' });
  const rl = createInterface({ input: stream, crlfDelay: Infinity });
  let lineNo = 0;
  let document: string[] | undefined; // set once the input turns out to be one multi-line JSON document
  let documentChars = 0;
  let sawContent = false; // the first non-empty line decides: one value per line, or one multi-line document
  try {
    for await (const line of rl) {
      lineNo++;
      if (document) {
        documentChars += line.length + 1;
        if (documentChars > MAX_DOCUMENT_CHARS) {
          problems.push({
            file,
            message: `a single JSON document larger than ${MAX_DOCUMENT_CHARS} characters; write one request per line instead`,
          });
          return;
        }
        document.push(line);
        continue;
      }
      const trimmed = line.trim();
      if (trimmed === '') continue;
      const first = !sawContent;
      sawContent = true;
      let value: unknown;
      try {
        value = JSON.parse(trimmed);
      } catch {
        if (first && (trimmed.startsWith('{') || trimmed.startsWith('['))) {
          document = [line];
          documentChars = line.length + 1;
          continue;
        }
        problems.push({ file, line: lineNo, message: 'not valid JSON' });
        continue;
      }
      yield* classify(value, lineNo, file, problems);
    }
  } catch (err) {
    problems.push({ file, message: `cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` });
    return;
  } finally {
    rl.close();
    if (file !== '-') stream.destroy();
  }
  if (document) {
    let value: unknown;
    try {
      value = JSON.parse(document.join('\n'));
    } catch {
      problems.push({ file, message: 'not valid JSON (neither one JSON value per line nor a single JSON document)' });
      return;
    }
    yield* classify(value, 1, file, problems);
  }
}
