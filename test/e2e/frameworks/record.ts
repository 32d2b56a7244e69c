/**
 * Records the spans a framework setup emits for every acceptance case into a JSON fixture
 * (processor/test/fixtures/frameworks/<setup>.json), read by the normalization unit tests
 * (processor/test/normalize/frameworks.test.ts) so normalization is covered without running the frameworks.
 *
 *   node --conditions=@tracehound/source --import tsx test/e2e/frameworks/record.ts <setup-id>
 *
 * One setup per run (each registers its own global tracer provider). The real framework and instrumentation drive the
 * fake provider; spans are caught by an in-memory exporter. The generated credentials the fake model pastes are
 * replaced by the shared secret fixture's placeholders (`{{secret:openai_project}}`, `{{secret:github_classic}}`, filled with fresh tokens when a test loads the fixture): the repository holds no token-shaped string. Setups
 * whose packages need a newer Node (ai@7, @langchain/openai@1: Node >= 22) are recorded on that Node.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { context, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { startFakeProvider } from '../../../examples/fake-provider/index.js';
import { generateSecrets, SYSTEM_PROMPT } from '../../../scripts/demo/model.js';
import type { Setup } from './support/contract.js';
import { frameworkModel } from './support/model.js';
import { FRAMEWORK_CASES } from './support/suite.js';

const OUT = fileURLToPath(new URL('../../../processor/test/fixtures/frameworks/', import.meta.url));

/** A span as the processor's SpanView holds it, JSON-safe (nanoseconds as decimal strings). */
interface RecordedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  startNs: string;
  endNs: string;
  attributes: Record<string, unknown>;
  events: Array<{ name: string; timeNs: string; attributes: Record<string, unknown> }>;
  status?: { code: number; message?: string };
  scope: { name: string; version?: string };
}

const ns = (t: [number, number]) => (BigInt(t[0]) * 1_000_000_000n + BigInt(t[1])).toString();

function toRecorded(s: ReadableSpan, scrub: (v: unknown) => unknown): RecordedSpan {
  const ctx = s.spanContext();
  const attrs = (a: Record<string, unknown>) => Object.fromEntries(Object.entries(a).map(([k, v]) => [k, scrub(v)]));
  return {
    traceId: ctx.traceId,
    spanId: ctx.spanId,
    ...(s.parentSpanContext?.spanId ? { parentSpanId: s.parentSpanContext.spanId } : {}),
    name: s.name,
    kind: s.kind + 1, // OTLP numbering: the SDK's INTERNAL (0) is OTLP's 1
    startNs: ns(s.startTime),
    endNs: ns(s.endTime),
    attributes: attrs(s.attributes),
    events: s.events.map((e) => ({ name: e.name, timeNs: ns(e.time), attributes: attrs(e.attributes ?? {}) })),
    ...(s.status.code
      ? { status: { code: s.status.code, ...(s.status.message ? { message: s.status.message } : {}) } }
      : {}),
    scope: {
      name: s.instrumentationScope.name,
      ...(s.instrumentationScope.version ? { version: s.instrumentationScope.version } : {}),
    },
  };
}

async function main(): Promise<void> {
  const id = process.argv[2];
  if (!id) throw new Error('usage: record.ts <setup-id>');
  const { setup } = (await import(`./setups/${id}.js`)) as { setup: Setup };
  const secrets = generateSecrets();
  const scrub = (v: unknown): unknown =>
    typeof v === 'string'
      ? v
          .replaceAll(secrets.openaiKey, '{{secret:openai_project}}')
          .replaceAll(secrets.githubToken, '{{secret:github_classic}}')
      : Array.isArray(v)
        ? v.map(scrub)
        : v;
  const provider = await startFakeProvider({ respond: frameworkModel(secrets) });
  const exporter = new InMemorySpanExporter();
  const app = await setup.start({ exporter, openaiBaseURL: provider.openaiBaseURL, serviceName: `fw-${setup.id}` });
  // The test's own root span per case (not recorded): each case is its own trace, as in the acceptance suite.
  const cases = new BasicTracerProvider().getTracer('record');
  const traces: Record<string, string> = {};
  for (const c of FRAMEWORK_CASES) {
    const root = cases.startSpan(`case ${c.id}`);
    const turn = { user: `u-${c.id}`, session: `s-${c.id}`, system: SYSTEM_PROMPT, prompt: c.prompt, docs: c.docs };
    await context.with(trace.setSpan(context.active(), root), () => app[c.variant](turn));
    root.end();
    traces[c.id] = root.spanContext().traceId;
  }
  await app.flush();
  const spans = exporter.getFinishedSpans();
  const fixture = {
    setup: setup.id,
    framework: setup.framework,
    instrumentation: setup.instrumentation,
    recordedWith: `node ${process.version}`,
    resource: { 'service.name': `fw-${setup.id}` },
    cases: Object.fromEntries(
      FRAMEWORK_CASES.map((c) => [
        c.id,
        spans.filter((s) => s.spanContext().traceId === traces[c.id]).map((s) => toRecorded(s, scrub)),
      ]),
    ),
  };
  const file = join(OUT, `${setup.id}.json`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(fixture, null, 1)}\n`);
  await app.close();
  await provider.close();
  console.log(`${file}: ${spans.length} spans`);
}

await main();
