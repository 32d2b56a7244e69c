/**
 * Texts longer than detection.maxTextBytes are scanned in a head and a tail window, not cut after the head (issue 22,
 * item 8): a secret or an injection placed after the first window is still found, the span says it was scanned only
 * partly (tracehound.scan.partial), and the truncation counter is exported.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { T } from '../../src/otlp/proto.js';
import { SECRET_GENERATORS, seededRng } from '../../../core/test/fixtures/secrets.js';
import { metricValue, until } from '../service/helpers.js';
import { startGuarded, type Guarded } from './guarded.js';

const SECRET = SECRET_GENERATORS.openai_project(seededRng(808));
const FILLER = 'The quarterly report lists revenue by region and the notes explain each line. ';

function span(output: string, spanByte: number): Buffer {
  const str = (v: string) => ({ stringValue: v });
  return Buffer.from(
    T.ExportTraceServiceRequest.encode({
      resourceSpans: [
        {
          scopeSpans: [
            {
              spans: [
                {
                  traceId: Buffer.alloc(16, 0x55),
                  spanId: Buffer.alloc(8, spanByte),
                  name: 'chat gpt-4o',
                  kind: 3,
                  attributes: [
                    { key: 'gen_ai.operation.name', value: str('chat') },
                    { key: 'gen_ai.provider.name', value: str('openai') },
                    {
                      key: 'gen_ai.output.messages',
                      value: str(JSON.stringify([{ role: 'assistant', parts: [{ type: 'text', content: output }] }])),
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    }).finish(),
  );
}

describe('long texts: head and tail windows', () => {
  let g: Guarded;
  beforeAll(async () => {
    g = await startGuarded({ mode: 'redacted' });
  });
  afterAll(async () => g?.stop());

  const post = (body: Buffer) =>
    fetch(`${g.httpUrl}/v1/traces`, { method: 'POST', headers: { 'content-type': 'application/x-protobuf' }, body });

  it('a secret after the first window of a 1 M-character answer is found and redacted; the span is marked partial', async () => {
    const limit = g.config.detection.maxTextBytes;
    const text = `${FILLER.repeat(Math.ceil((4 * limit) / FILLER.length))}Here is the key: ${SECRET}. ${FILLER.repeat(20)}`;
    expect(text.indexOf(SECRET)).toBeGreaterThan(3 * limit);
    const before = g.hop.requests.length;
    expect((await post(span(text, 1))).status).toBe(200);
    await until(() => g.hop.requests.slice(before).some((r) => r.path === '/v1/logs'), 'the finding');
    const sent = g.hop.requests.slice(before);
    const traces = sent.find((r) => r.path === '/v1/traces')!;
    expect(traces.body.includes(Buffer.from(SECRET))).toBe(false);
    const findings = Buffer.concat(sent.filter((r) => r.path === '/v1/logs').map((r) => r.body));
    expect(findings.includes(Buffer.from('TH-SEC-'))).toBe(true);
    const decoded = T.ExportTraceServiceRequest.toObject(T.ExportTraceServiceRequest.decode(traces.body)) as {
      resourceSpans: Array<{ scopeSpans: Array<{ spans: Array<{ attributes: Array<{ key: string; value: any }> }> }> }>;
    };
    const attrs = decoded.resourceSpans[0].scopeSpans[0].spans[0].attributes;
    expect(attrs.find((a) => a.key === 'tracehound.scan.partial')?.value).toEqual({ boolValue: true });
    expect(await metricValue(g.service, 'tracehound_scan_truncated_texts_total')).toBeGreaterThanOrEqual(1);
  });

  it('a short answer is not marked', async () => {
    const before = g.hop.requests.length;
    expect((await post(span(`Fine. ${FILLER}`, 2))).status).toBe(200);
    const traces = g.hop.requests.slice(before).find((r) => r.path === '/v1/traces')!;
    expect(traces.body.includes(Buffer.from('tracehound.scan.partial'))).toBe(false);
    expect(traces.body.includes(Buffer.from('tracehound.risk.score'))).toBe(true);
  });
});
