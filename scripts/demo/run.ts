/**
 * runDemo(): the whole demo in-process — processor, fake provider, instrumented agent, scenarios — returning every
 * finding with the scenario it belongs to. `npm run demo` prints it; test/e2e/demo.test.ts asserts on it.
 */
import * as OpenAIModule from 'openai';
import { register, type Registration } from '@tracehound/instrumentation';
import { startFakeProvider } from '../../examples/fake-provider/index.js';
import type { Finding } from '@tracehound/core';
import { Agent } from './agent.js';
import { CANARY, createToyModel, generateSecrets } from './model.js';
import { startDemoProcessor, type DemoProcessor } from './processor.js';
import { SCENARIOS, type Scenario } from './scenarios.js';

export interface ScenarioResult {
  scenario: Scenario;
  findings: Finding[];
  requests: number;
}

export interface DemoResult {
  results: ScenarioResult[];
  findings: Finding[];
  processor: Pick<DemoProcessor, 'httpUrl' | 'grpcPort' | 'ephemeral' | 'metricsUrl' | 'consoleUrl' | 'findingsFile'>;
  /** Prometheus text of the processor's metrics at the end of the run. */
  metrics: string;
  /** Raw secrets the toy model leaked (for the test's "never leaves unredacted" check; never printed). */
  secrets: string[];
}

export interface DemoOptions {
  findingsFile: string;
  /** Progress lines (stderr in the CLI). */
  progress?: (line: string) => void;
  ephemeralPorts?: boolean;
  /** Keep the processor running after the scenarios (the CLI's --serve); the caller stops it. */
  keep?: (processor: DemoProcessor) => void;
}

export async function runDemo(opts: DemoOptions): Promise<DemoResult> {
  const progress = opts.progress ?? (() => {});
  let offsetMs = 0;
  const processor = await startDemoProcessor({
    findingsFile: opts.findingsFile,
    clock: () => Date.now() + offsetMs,
    ephemeralPorts: opts.ephemeralPorts,
  });
  const secrets = generateSecrets();
  const provider = await startFakeProvider({ respond: createToyModel(secrets) });
  let registration: Registration | undefined;
  try {
    progress(
      `processor listening on ${processor.httpUrl} (OTLP/HTTP) and :${processor.grpcPort} (OTLP/gRPC)${processor.ephemeral ? ' — default ports 4320/4321 were taken, using ephemeral ports' : ''}`,
    );
    progress(`fake OpenAI-compatible provider on ${provider.openaiBaseURL} (no network, no key)`);
    registration = register({
      serviceName: 'northwind-support',
      endpoint: `${processor.httpUrl}/v1/traces`,
      captureContent: 'full',
      canaries: [CANARY],
      shutdownOnExit: false,
    });
    // ESM imports bypass the require hook; patch the module object the agent uses.
    registration.instrumentation.instrument(OpenAIModule);
    const reg = registration;
    const flush = async () => {
      await reg.forceFlush();
      await processor.engine.forceFlush();
    };
    const agent = new Agent(provider.openaiBaseURL);
    const results: ScenarioResult[] = [];
    for (const [i, scenario] of SCENARIOS.entries()) {
      const before = provider.requests.length;
      const t0 = Date.now();
      await scenario.run({ agent, secrets, flush, setClockOffset: (ms) => void (offsetMs = ms) });
      await flush();
      const sessions = new Set(scenario.sessions);
      const findings = processor.findings.filter(
        (f) => f.context.session !== undefined && sessions.has(f.context.session),
      );
      const requests = provider.requests.length - before;
      results.push({ scenario, findings, requests });
      const rules = [...new Set(findings.map((f) => f.rule.id))].join(' ');
      progress(
        `[${i + 1}/${SCENARIOS.length}] ${scenario.title}: ${requests} model calls, ${findings.length} findings${rules ? ` (${rules})` : ''} · ${Date.now() - t0} ms`,
      );
    }
    const metrics = await processor.service.metrics.metrics();
    return {
      results,
      findings: [...processor.findings],
      processor: {
        httpUrl: processor.httpUrl,
        grpcPort: processor.grpcPort,
        ephemeral: processor.ephemeral,
        metricsUrl: processor.metricsUrl,
        consoleUrl: processor.consoleUrl,
        findingsFile: processor.findingsFile,
      },
      metrics,
      secrets: [secrets.openaiKey, secrets.githubToken],
    };
  } finally {
    await registration?.shutdown();
    await provider.close();
    if (opts.keep) opts.keep(processor);
    else await processor.stop();
  }
}
