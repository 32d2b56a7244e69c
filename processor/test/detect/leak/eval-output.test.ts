/**
 * Measured quality of the output-leak and PII detectors on the generated rows in processor/eval (leak-prompt-*,
 * leak-access-code, output-benign-ontopic, pii-*) and — when the shared dev set is present — the benign-output flag
 * rate with system prompts on the span. Bars guard against regressions; the numbers are printed.
 * (processor/scripts/eval-output.ts prints the same per group for every registered detector.)
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ContentDetector } from '../../../src/detect/detector.js';
import { createPiiDetector } from '../../../src/detect/leak/pii.js';
import { createPromptLeakDetector } from '../../../src/detect/leak/prompt-leak.js';
import { rng } from '../../../scripts/gen-eval/lib.js';
import { composeSystemPrompt } from '../../../scripts/gen-eval/system-prompts.js';
import { config, inputOf, llmCall } from './helpers.js';

interface Row {
  id: string;
  text: string;
  label: string;
  channel: string;
  system?: string;
  request?: string;
}

const evalDir = fileURLToPath(new URL('../../../eval/', import.meta.url));
const DEV = fileURLToPath(new URL('../../../../../shared/datasets/dev/dev.jsonl', import.meta.url));
const load = (file: string): Row[] =>
  readFileSync(evalDir + file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Row);

const cfg = config();
const detectors: ContentDetector[] = [createPromptLeakDetector(cfg), createPiiDetector(cfg)];

function fires(r: Row): boolean {
  const ix =
    r.channel === 'tool_call'
      ? llmCall({ system: r.system, prompt: r.request, output: '', toolCalls: [{ name: 'tool', arguments: r.text }] })
      : llmCall({ system: r.system, prompt: r.request, output: r.text });
  const input = inputOf(ix);
  return detectors.some((d) => d.detect(input).some((x) => x.confidence >= cfg.minConfidence));
}

function measure(file: string) {
  const rows = load(file);
  const leaks = rows.filter((r) => r.label === 'leak');
  const benign = rows.filter((r) => r.label !== 'leak');
  const found = leaks.filter(fires).length;
  const flagged = benign.filter(fires).map((r) => r.id);
  const m = {
    recall: leaks.length ? found / leaks.length : 1,
    found,
    leaks: leaks.length,
    flagged,
    benign: benign.length,
  };
  console.log(
    `[eval-output] ${file}: leaks ${found}/${leaks.length}, benign flagged ${flagged.length}/${benign.length}`,
  );
  return m;
}

describe('output leaks and PII on generated rows', () => {
  it.each([
    ['leak-prompt-partial.jsonl', 0.95],
    ['leak-prompt-paraphrase.jsonl', 0.9],
    ['leak-prompt-secrets.jsonl', 0.95],
    ['leak-access-code.jsonl', 0.95],
    ['pii-structured.jsonl', 0.95],
    ['pii-names-addresses.jsonl', 0.85],
  ])('%s: recall ≥ %d, no benign row flagged', (file, bar) => {
    const m = measure(file);
    expect(m.recall).toBeGreaterThanOrEqual(bar);
    expect(m.flagged).toEqual([]);
  });

  it.each(['output-benign-ontopic.jsonl', 'pii-lookalikes.jsonl'])('%s: no benign row flagged', (file) => {
    expect(measure(file).flagged).toEqual([]);
  });
});

describe.skipIf(!existsSync(DEV))('benign dev outputs with system prompts (skipped: no ../shared/datasets/dev)', () => {
  const dev = existsSync(DEV)
    ? readFileSync(DEV, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as Row & { family: string })
    : [];

  it('≤ 0.5 % flagged under their own role-play instruction and under composed prompts', () => {
    const own: Row[] = [];
    for (let i = 1; i < dev.length; i++)
      if (dev[i].family === 'assistant_output' && dev[i - 1].family === 'roleplay')
        own.push({ ...dev[i], system: dev[i - 1].text });
    const r = rng(5140);
    const composed = dev
      .filter((x) => x.family === 'assistant_output' && x.label === 'benign')
      .map((x) => ({ ...x, system: composeSystemPrompt(r).text }));
    const ownFlagged = own.filter(fires).length;
    const composedFlagged = composed.filter(fires).length;
    console.log(
      `[eval-output] dev outputs: own instruction ${ownFlagged}/${own.length}, composed prompt ${composedFlagged}/${composed.length}`,
    );
    expect(ownFlagged / own.length).toBeLessThanOrEqual(0.005);
    expect(composedFlagged / composed.length).toBeLessThanOrEqual(0.005);
  });
});
