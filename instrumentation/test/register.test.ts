/**
 * register() in-process: options from the environment, one registration per process, a second call merged into it
 * (instrumentation options applied, tracer-provider options refused with a coded warning). The `--import` hook is
 * exercised in child processes by apps.test.ts.
 */
import { readFileSync } from 'node:fs';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { afterEach, describe, expect, it } from 'vitest';
import { register, type Registration } from '../src/index.js';
import { ENV_VARIABLES, optionsFromEnv, protocolFromEnv } from '../src/env.js';
import { createContentPolicy } from '../src/content/capture.js';

/** The warnings process.emitWarning emits while fn runs (they are delivered on a later tick). */
async function warningsDuring(fn: () => void): Promise<Array<{ code?: string; message: string }>> {
  const seen: Array<{ code?: string; message: string }> = [];
  const on = (w: Error & { code?: string }) => seen.push({ code: w.code, message: w.message });
  process.on('warning', on);
  try {
    fn();
    await new Promise((r) => setImmediate(r));
  } finally {
    process.off('warning', on);
  }
  return seen;
}

describe('options from the environment', () => {
  it('maps every variable it owns onto the register() option', () => {
    expect(
      optionsFromEnv({
        TRACEHOUND_CAPTURE_CONTENT: 'Hashed',
        TRACEHOUND_HMAC_KEY: 'k-1',
        TRACEHOUND_MAX_CONTENT_LENGTH: '4096',
        TRACEHOUND_CANARIES: ' a , b,,',
        OTEL_SERVICE_NAME: 'svc',
      }),
    ).toEqual({
      captureContent: 'hashed',
      hmacKey: 'k-1',
      maxContentLength: 4096,
      canaries: ['a', 'b'],
      serviceName: 'svc',
    });
    expect(optionsFromEnv({ OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT: 'true' })).toEqual({
      captureContent: 'full',
    });
    expect(optionsFromEnv({})).toEqual({});
  });

  it('warns with TH_INSTR_ENV on an invalid value, names the variable, never echoes a value that may be secret', async () => {
    let got: ReturnType<typeof optionsFromEnv> = {};
    const protocols: string[] = [];
    const warnings = await warningsDuring(() => {
      got = optionsFromEnv({
        TRACEHOUND_MAX_CONTENT_LENGTH: 'lots',
        OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT: 'yes',
      });
      protocols.push(protocolFromEnv({ OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' }));
      protocols.push(
        protocolFromEnv({ OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' }),
      );
    });
    expect(got).toEqual({});
    expect(protocols).toEqual(['http/protobuf', 'http/json']);
    expect(warnings.map((w) => w.code)).toEqual(['TH_INSTR_ENV', 'TH_INSTR_ENV', 'TH_INSTR_ENV']);
    expect(warnings.some((w) => w.message.includes('TRACEHOUND_MAX_CONTENT_LENGTH must be an integer'))).toBe(true);
    expect(warnings.some((w) => w.message.includes('OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT must be'))).toBe(
      true,
    );
    expect(warnings.some((w) => w.message.includes('OTEL_EXPORTER_OTLP_PROTOCOL=grpc is not supported'))).toBe(true);
    expect(warnings.some((w) => w.message.includes('lots'))).toBe(false);
  });

  it('hashed capture without a key captures nothing and says so once (TH_INSTR_HASH_NO_KEY)', async () => {
    const modes: string[] = [];
    const warnings = await warningsDuring(() => {
      for (let i = 0; i < 3; i++) modes.push(createContentPolicy({ mode: 'hashed', hmacKey: '' }).mode);
    });
    expect(modes).toEqual(['off', 'off', 'off']);
    expect(warnings.map((w) => w.code)).toEqual(['TH_INSTR_HASH_NO_KEY']);
  });

  it('instrumentation/README.md documents every variable, as env.ts describes it', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    for (const v of ENV_VARIABLES) {
      const option = v.option.startsWith('(') ? v.option : `\`${v.option}\``;
      expect(readme, v.name).toContain(`| \`${v.name}\` | ${option} | ${v.meaning} |`);
    }
  });
});

describe('one registration per process', () => {
  let first: Registration | undefined;
  afterEach(async () => {
    await first?.shutdown();
    first = undefined;
  });

  it('a second register() returns the same registration with its instrumentation options applied', async () => {
    first = register({ exporter: new InMemorySpanExporter(), shutdownOnExit: false, serviceName: 's1' }, {});
    expect(first.instrumentation.getConfig().captureContent).toBeUndefined();
    const warnings = await warningsDuring(() => {
      const again = register({ captureContent: 'full', canaries: ['c'], serviceName: 's1' }, {});
      expect(again).toBe(first);
    });
    expect(warnings, 'the same service name is no conflict').toEqual([]);
    expect(first.instrumentation.getConfig()).toMatchObject({ captureContent: 'full', canaries: ['c'] });
  });

  it('refuses tracer-provider options a running provider cannot take, with TH_INSTR_REGISTER_AGAIN', async () => {
    first = register({ exporter: new InMemorySpanExporter(), shutdownOnExit: false, serviceName: 's2' }, {});
    const warnings = await warningsDuring(() => {
      register({ serviceName: 'other', exporter: new InMemorySpanExporter(), maxContentLength: 1000 }, {});
    });
    expect(warnings).toHaveLength(1);
    expect(warnings[0].code).toBe('TH_INSTR_REGISTER_AGAIN');
    expect(warnings[0].message).toContain('an earlier register() call set up the tracer provider (service.name s2');
    expect(warnings[0].message).toContain('ignored: serviceName, exporter');
    expect(first.instrumentation.getConfig().maxContentLength).toBe(1000);
  });

  it('after shutdown(), register() sets up a new provider', async () => {
    const a = register({ exporter: new InMemorySpanExporter(), shutdownOnExit: false }, {});
    await a.shutdown();
    first = register({ exporter: new InMemorySpanExporter(), shutdownOnExit: false }, {});
    expect(first).not.toBe(a);
    expect(first.provider).not.toBe(a.provider);
  });
});
