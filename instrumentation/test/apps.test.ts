/**
 * Sample apps in child processes: a CommonJS app that calls register() before requiring the SDKs, an ESM app with
 * no Tracehound code started with `--import` of the register entry, and an ESM app started with the hook that calls
 * register() itself. All export OTLP/JSON to a local sink.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../examples/fake-provider/index.js';
import { startOtlpSink, type OtlpSink } from './support/otlp-sink.js';

const appsDir = fileURLToPath(new URL('./apps/', import.meta.url));
const registerEntry = fileURLToPath(new URL('../src/register-hook.ts', import.meta.url));

let fake: FakeProvider;
let sink: OtlpSink;

beforeAll(async () => {
  fake = await startFakeProvider();
  sink = await startOtlpSink();
});
afterAll(async () => {
  await fake.close();
  await sink.close();
});

function run(
  args: string[],
  extraEnv: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--conditions=@tracehound/source', '--import', 'tsx', ...args], {
      cwd: appsDir,
      env: {
        PATH: process.env.PATH ?? '',
        FAKE_OPENAI_URL: fake.openaiBaseURL,
        FAKE_ANTHROPIC_URL: fake.url,
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: sink.url,
        OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json',
        ...extraEnv,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('sample apps', () => {
  it('CommonJS app: register() + require-in-the-middle produce LLM, tool and identity spans', async () => {
    const r = await run(['cjs-app.cjs']);
    expect(r.stderr).not.toContain('failed');
    expect(r.code).toBe(0);
    const spans = sink.spans.filter((s) => s.service === 'sample-cjs-app' && s.scope === '@tracehound/instrumentation');
    const chat = spans.find((s) => s.name === 'chat gpt-cjs');
    expect(chat?.attributes['gen_ai.provider.name']).toBe('openai');
    expect(chat?.attributes['tracehound.identity.user']).toBe('alice');
    expect(JSON.parse(String(chat?.attributes['gen_ai.input.messages']))[0].parts[0].content).toBe('hello from cjs');
    const tool = spans.find((s) => s.name === 'execute_tool lookup');
    expect(tool?.attributes['tracehound.tool.target.host']).toBe('api.example.com');
    expect(tool?.attributes['tracehound.identity.tenant']).toBe('acme');
    const claude = spans.find((s) => s.name === 'chat claude-cjs');
    expect(claude?.attributes['gen_ai.provider.name']).toBe('anthropic');
    expect(claude?.attributes['session.id']).toBe('s-cjs');
  });

  it('ESM app: --import register entry + import-in-the-middle produce streamed LLM spans', async () => {
    const r = await run(['--import', registerEntry, 'esm-app.mjs'], {
      OTEL_SERVICE_NAME: 'sample-esm-app',
      OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT: 'true',
    });
    expect(r.stdout).toContain('esm-app done: echo: hello from esm / echo: hi');
    expect(r.code).toBe(0);
    const spans = sink.spans.filter((s) => s.service === 'sample-esm-app' && s.scope === '@tracehound/instrumentation');
    const chat = spans.find((s) => s.name === 'chat gpt-esm');
    expect(chat?.attributes['gen_ai.request.stream']).toBe(true);
    expect(chat?.attributes['gen_ai.usage.output_tokens']).toBeGreaterThan(0);
    expect(JSON.parse(String(chat?.attributes['gen_ai.output.messages']))[0].parts[0].content).toBe(
      'echo: hello from esm',
    );
    const claude = spans.find((s) => s.name === 'chat claude-esm');
    expect(claude?.attributes['gen_ai.response.finish_reasons']).toEqual(['end_turn']);
  });
});

describe('the --import hook and the environment', () => {
  const chatOf = (service: string) =>
    sink.spans.find((s) => s.service === service && s.name === 'chat gpt-esm-register');
  const hook = (extraEnv: Record<string, string>, options: object = {}) =>
    run(['--import', registerEntry, 'esm-register-app.mjs'], {
      APP_REGISTER_OPTIONS: JSON.stringify(options),
      ...extraEnv,
    });

  it('reads the options register() reads from the environment: capture mode, canaries, service name, resource', async () => {
    const r = await hook({
      OTEL_SERVICE_NAME: 'hook-env',
      TRACEHOUND_CAPTURE_CONTENT: 'redacted',
      TRACEHOUND_CANARIES: 'cnry-1, cnry-2',
      OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment.name=test',
    });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('TracehoundWarning');
    const chat = chatOf('hook-env');
    const input = String(chat?.attributes['gen_ai.input.messages']);
    expect(input).toContain('mail me at');
    expect(input).not.toContain('jane.doe@example.com');
    expect(chat?.attributes['tracehound.canaries']).toEqual(['cnry-1', 'cnry-2']);
    expect(chat?.resource['deployment.environment.name']).toBe('test');
  });

  it("honours the app's own register() options after the hook: capture turned on in code", async () => {
    const r = await hook({ OTEL_SERVICE_NAME: 'hook-app-options' }, { captureContent: 'full', canaries: ['c-app'] });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('TracehoundWarning');
    const chat = chatOf('hook-app-options');
    expect(String(chat?.attributes['gen_ai.input.messages'])).toContain('jane.doe@example.com');
    expect(chat?.attributes['tracehound.canaries']).toEqual(['c-app']);
  });

  it('rejects loudly what a second register() cannot change (service name, endpoint) and applies the rest', async () => {
    const r = await hook(
      { OTEL_SERVICE_NAME: 'hook-conflict' },
      { serviceName: 'renamed-in-code', endpoint: 'http://127.0.0.1:9/v1/traces', captureContent: 'full' },
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('[TH_INSTR_REGISTER_AGAIN] TracehoundWarning');
    expect(r.stderr).toContain('ignored: serviceName, endpoint');
    expect(r.stderr).toContain('the --import @tracehound/instrumentation/register hook');
    const chat = chatOf('hook-conflict');
    expect(chat, 'spans still go where the hook exports them, under its service name').toBeDefined();
    expect(String(chat?.attributes['gen_ai.input.messages'])).toContain('jane.doe@example.com');
  });

  it('an invalid variable is a TH_INSTR_ENV warning naming it, and counts as unset', async () => {
    const r = await hook({ OTEL_SERVICE_NAME: 'hook-bad-env', TRACEHOUND_CAPTURE_CONTENT: 'everything' });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('[TH_INSTR_ENV] TracehoundWarning');
    expect(r.stderr).toContain('TRACEHOUND_CAPTURE_CONTENT must be off|full|redacted|hashed');
    expect(chatOf('hook-bad-env')?.attributes['gen_ai.input.messages']).toBeUndefined();
  });
});
