/**
 * The real processor engine on a hand-driven clock: spans in, finding log records (as emitted over OTLP) out.
 * Automated response is on, as the ActionEngine (processor/src/response) decides in the detection stage: every
 * finding the engine reports goes through it, and its response_action findings are emitted with the others.
 */
import type { EmittedLog, SpanView } from '@tracehound/core';
import {
  ActionEngine,
  createEngine,
  findingToLog,
  loadConfig,
  type ActionMode,
  type Engine,
  type TracehoundConfig,
} from '@tracehound/processor';
import { T0_MS } from './spans.js';

export interface SampleEngine {
  engine: Engine;
  /** Analyse spans in time order (the clock follows each span's start) and return the finding records. */
  run(spans: SpanView[]): EmittedLog[];
}

export interface SampleOptions {
  /** Mode of the automated response (the catalog's response rule alerts on enforced actions only). */
  responseMode?: ActionMode;
}

/**
 * Sample settings on top of the shipped defaults: an egress allowlist, a token budget, a short drift reference, a
 * guardrail requirement for one service, and an automated response that blocks a session on repeated injection
 * attempts (TH-BEH-001).
 */
export function sampleConfig(opts: SampleOptions = {}): TracehoundConfig {
  const c = structuredClone(loadConfig()) as TracehoundConfig;
  c.detection.toolHostAllowlist = ['api.internal.example'];
  c.behavior!.costSpike.budgetTokens = 100_000;
  c.behavior!.modelDrift.minSamples = 30;
  // The payments bot must go through a guardrail (the app records its policy decision on the LLM span).
  c.behavior!.guardrails.require = [{ service: 'payments-bot' }];
  const response = c.response;
  response.enabled = true;
  response.mode = opts.responseMode ?? 'enforce';
  response.api.enabled = false;
  response.actions.rules = { 'TH-BEH-001': { action: 'block', target: 'session', ttlSeconds: 900 } };
  return c;
}

export function sampleEngine(opts: SampleOptions = {}): SampleEngine {
  let now = T0_MS;
  const config = sampleConfig(opts);
  const clock = () => now;
  const engine = createEngine(config, { outputSinks: false, clock });
  // scanSpans returns the engine's findings without running stage extensions, so the ActionEngine sees them here,
  // the way its onAnalysis does in the stage: each finding except its own.
  const actions = new ActionEngine(config.response, { clock });
  return {
    engine,
    run(spans) {
      const out: EmittedLog[] = [];
      for (const s of [...spans].sort((a, b) => Number(a.startNs - b.startNs))) {
        now = Number(s.startNs / 1_000_000n);
        for (const f of engine.scanSpans([s])) {
          out.push(findingToLog(f));
          if (f.rule.category === 'response_action') continue;
          const decision = actions.consider(f);
          if (decision) out.push(findingToLog(decision));
        }
      }
      return out;
    },
  };
}
