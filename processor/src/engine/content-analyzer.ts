import { detectionDefaults, type DetectionConfig } from '../detect/config.js';
import { SEVERITY_ORDER, type Finding, type Severity } from '@tracehound/core';
import { createEngine } from './engine.js';

export interface ContentAnalyzerOptions {
  detection?: Partial<DetectionConfig>;
  /** Lowest severity that counts as "blocked" (default high). */
  blockAt?: Exclude<Severity, 'none'>;
}

export interface ContentVerdict {
  blocked: boolean;
  severity: Severity;
  score: number;
  ruleIds: string[];
  findings: Finding[];
}

/**
 * The processor's content detectors in-process, without a server: what the instrumentation's guard calls before a
 * model call (channel prompt) and before returning an answer (channel output). No state, no output sinks.
 */
export function createContentAnalyzer(options: ContentAnalyzerOptions = {}) {
  const engine = createEngine(
    {
      detection: { ...detectionDefaults, ...options.detection },
      capture: { mode: 'full' },
      findings: { file: '', console: false, forward: false },
    },
    { behavior: false, outputSinks: false },
  );
  const blockAt = SEVERITY_ORDER.indexOf(options.blockAt ?? 'high');
  return {
    rules: engine.rules,
    analyze(text: string, channel: 'prompt' | 'output' | 'document' | 'tool_call' | 'tool_result'): ContentVerdict {
      const a = engine.scanText(text, channel);
      return {
        blocked: SEVERITY_ORDER.indexOf(a.risk.severity) >= blockAt,
        severity: a.risk.severity,
        score: a.risk.score,
        ruleIds: a.risk.rules,
        findings: a.findings,
      };
    },
  };
}
