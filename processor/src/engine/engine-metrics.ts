import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { Finding, Interaction } from '@tracehound/core';
import { ActiveEntities } from './active-entities.js';
import { CounterBuffer } from './counter-buffer.js';
import type { Analysis } from '../score/analyzer.js';
import { hostAllowed } from '../detect/leak/tool-targets.js';
import { LabelLimiter } from '../metrics/label-limiter.js';

/** Idle window of the active-entities gauge, and the most ids it tracks per entity type. */
const ACTIVE_WINDOW_MS = 5 * 60_000;
const ACTIVE_MAX_ENTRIES = 20_000;

/**
 * Detection metrics for the dashboards. Labels are bounded (docs/metrics.md): rule, category, severity, service,
 * model, provider, tool, decision — each capped by a LabelLimiter and passed through metrics/label-value.ts; never
 * user, session or key ids. No label carries content: a tool call's target host is not a label value (a host can
 * carry stolen data: DNS exfiltration, a token as a subdomain); `target_host` names the detection.toolHostAllowlist
 * entry it matched (configuration, not content), or `unlisted` / `none`.
 */
export class EngineMetrics {
  readonly findings: Counter<'rule' | 'category' | 'severity'>;
  readonly riskScore: Histogram<'service'>;
  readonly llmCalls: Counter<'service' | 'provider' | 'model' | 'operation'>;
  readonly tokens: Counter<'service' | 'model' | 'direction'>;
  readonly cost: Counter<'service' | 'model'>;
  readonly refusals: Counter<'service' | 'model'>;
  readonly toolCalls: Counter<'tool' | 'target_host' | 'decision'>;
  readonly authEvents: Counter<'outcome'>;
  readonly suppressed: Counter;
  readonly parseErrors: Counter;
  /** Failures the pipeline contains: a detector, the normalizer or a stage extension threw (label: which one). */
  readonly failures: Counter<'component' | 'name'>;
  private readonly failureCounts = new Map<string, number>();
  readonly analysed: Counter<'dialect' | 'kind'>;
  readonly serviceFindings: Counter<'service' | 'severity'>;
  readonly outputTokens: Histogram<'model'>;
  /** Distinct sessions, users and API keys seen in the last ACTIVE_WINDOW_MS: counts only, never ids. */
  private readonly active: Record<'session' | 'user' | 'api_key', ActiveEntities>;
  private readonly services = new LabelLimiter(50);
  private readonly models = new LabelLimiter(50);
  private readonly tools = new LabelLimiter(100);
  private readonly toolHostAllowlist: readonly string[];
  /** Per-span counters, summed between scrapes (counter-buffer.ts). */
  private readonly analysedBuf = new CounterBuffer<'dialect' | 'kind'>();
  private readonly llmCallsBuf = new CounterBuffer<'service' | 'provider' | 'model' | 'operation'>();
  private readonly tokensBuf = new CounterBuffer<'service' | 'model' | 'direction'>();
  // Provider and operation come from span attributes too: capped like the others.
  private readonly providers = new LabelLimiter(20);
  private readonly operations = new LabelLimiter(20);

  constructor(
    registry: Registry,
    clock: () => number = Date.now,
    toolHostAllowlist: readonly string[] = [],
    /** The content engine's running totals (exported as counters at scrape time). */
    contentStats?: () => { truncatedTexts: number },
  ) {
    this.toolHostAllowlist = toolHostAllowlist
      .map((h) => (typeof h === 'string' ? h.trim().toLowerCase() : ''))
      .filter((h) => h.length > 0)
      .slice(0, 200);
    const registers = [registry];
    const active = (this.active = {
      session: new ActiveEntities(ACTIVE_WINDOW_MS, ACTIVE_MAX_ENTRIES, clock),
      user: new ActiveEntities(ACTIVE_WINDOW_MS, ACTIVE_MAX_ENTRIES, clock),
      api_key: new ActiveEntities(ACTIVE_WINDOW_MS, ACTIVE_MAX_ENTRIES, clock),
    });
    this.findings = new Counter({
      name: 'tracehound_findings_total',
      help: 'Findings emitted, by rule, category and severity.',
      labelNames: ['rule', 'category', 'severity'],
      registers,
    });
    this.riskScore = new Histogram({
      name: 'tracehound_span_risk_score',
      help: 'Risk score of analysed LLM spans.',
      labelNames: ['service'],
      buckets: [0, 10, 25, 40, 55, 70, 85, 90, 100],
      registers,
    });
    const llmCallsBuf = this.llmCallsBuf;
    const tokensBuf = this.tokensBuf;
    const analysedBuf = this.analysedBuf;
    this.llmCalls = new Counter({
      name: 'tracehound_llm_calls_total',
      help: 'LLM calls seen, by service, provider, model and operation.',
      labelNames: ['service', 'provider', 'model', 'operation'],
      registers,
      collect: () => llmCallsBuf.flush(),
    });
    this.tokens = new Counter({
      name: 'tracehound_llm_tokens_total',
      help: 'Tokens used, by service, model and direction (input|output).',
      labelNames: ['service', 'model', 'direction'],
      registers,
      collect: () => tokensBuf.flush(),
    });
    this.cost = new Counter({
      name: 'tracehound_llm_cost_usd_total',
      help: 'Cost reported by the instrumentation (USD).',
      labelNames: ['service', 'model'],
      registers,
    });
    this.refusals = new Counter({
      name: 'tracehound_llm_refusals_total',
      help: 'Model answers that were refusals.',
      labelNames: ['service', 'model'],
      registers,
    });
    this.toolCalls = new Counter({
      name: 'tracehound_tool_invocations_total',
      help: 'Tool executions, by tool, the allowlist entry the target host matched (unlisted, none) and decision.',
      labelNames: ['tool', 'target_host', 'decision'],
      registers,
    });
    this.authEvents = new Counter({
      name: 'tracehound_auth_events_total',
      help: 'Authentication events, by outcome.',
      labelNames: ['outcome'],
      registers,
    });
    this.suppressed = new Counter({
      name: 'tracehound_findings_suppressed_total',
      help: 'Findings dropped by analysts\u2019 suppressions.',
      registers,
    });
    this.parseErrors = new Counter({
      name: 'tracehound_normalize_parse_errors_total',
      help: 'Content attributes that could not be parsed (malformed or truncated JSON).',
      registers,
    });
    this.failures = new Counter({
      name: 'tracehound_detection_failures_total',
      help: 'Contained failures by component (detector, normalizer, extension) and name; the data was still forwarded.',
      labelNames: ['component', 'name'],
      registers,
    });
    this.analysed = new Counter({
      name: 'tracehound_spans_analysed_total',
      help: 'LLM/agent spans analysed, by dialect and kind.',
      labelNames: ['dialect', 'kind'],
      registers,
      collect: () => analysedBuf.flush(),
    });
    llmCallsBuf.bind(this.llmCalls);
    tokensBuf.bind(this.tokens);
    analysedBuf.bind(this.analysed);
    this.serviceFindings = new Counter({
      name: 'tracehound_service_findings_total',
      help: 'Findings emitted, by service and severity.',
      labelNames: ['service', 'severity'],
      registers,
    });
    this.outputTokens = new Histogram({
      name: 'tracehound_llm_output_tokens',
      help: 'Output tokens per LLM call, by model (the output-length distribution drift panels compare).',
      labelNames: ['model'],
      buckets: [16, 64, 256, 512, 1024, 2048, 4096, 16384],
      registers,
    });
    if (contentStats) {
      let exported = 0;
      new Counter({
        name: 'tracehound_scan_truncated_texts_total',
        help: 'Texts longer than detection.maxTextBytes: scanned as head and tail windows, the span marked tracehound.scan.partial.',
        registers,
        collect() {
          const total = contentStats().truncatedTexts;
          if (total > exported) this.inc(total - exported);
          exported = total;
        },
      });
    }
    new Gauge({
      name: 'tracehound_active_entities',
      help: 'Distinct sessions, users and API keys seen in the last 5 minutes (entity: session|user|api_key).',
      labelNames: ['entity'],
      registers,
      collect() {
        for (const entity of ['session', 'user', 'api_key'] as const) this.set({ entity }, active[entity].count());
      },
    });
  }

  /** Count one contained failure; returns how many this component/name had so far (to log sparsely). */
  private failed(component: 'detector' | 'normalizer' | 'extension', name: string): number {
    this.failures.inc({ component, name });
    const key = `${component}/${name}`;
    const n = (this.failureCounts.get(key) ?? 0) + 1;
    // Names are detector ids and extension classes: a fixed, small set.
    this.failureCounts.set(key, n);
    return n;
  }

  detectorFailed(detector: string): number {
    return this.failed('detector', detector);
  }

  normalizeFailed(): number {
    return this.failed('normalizer', 'normalize');
  }

  extensionFailed(extension: string): number {
    return this.failed('extension', extension);
  }

  /** Findings raised on a span after it was recorded (agent flows judged at the end of a batch). */
  recordFindings(ix: Interaction, findings: readonly Finding[]): void {
    const service = this.services.value(ix.service);
    for (const f of findings) {
      this.findings.inc({ rule: f.rule.id, category: f.rule.category, severity: f.severity });
      this.serviceFindings.inc({ service, severity: f.severity });
    }
  }

  record(ix: Interaction, a: Analysis): void {
    const service = this.services.value(ix.service);
    const model = this.models.value(ix.responseModel ?? ix.model);
    this.analysedBuf.inc(`${ix.dialect}\u0000${ix.kind}`, { dialect: ix.dialect, kind: ix.kind });
    this.active.session.touch(ix.identity.session);
    this.active.user.touch(ix.identity.user);
    this.active.api_key.touch(ix.identity.apiKeyFingerprint);
    this.riskScore.observe({ service }, a.risk.score);
    if (a.suppressed) this.suppressed.inc(a.suppressed);
    for (const f of a.findings) {
      this.findings.inc({ rule: f.rule.id, category: f.rule.category, severity: f.severity });
      this.serviceFindings.inc({ service, severity: f.severity });
    }
    if (ix.kind === 'llm_call' || ix.kind === 'embedding') {
      const provider = this.providers.value(ix.provider);
      const operation = this.operations.value(ix.operation);
      const key = `${service}\u0000${model}`;
      this.llmCallsBuf.inc(`${key}\u0000${provider}\u0000${operation}`, { service, provider, model, operation });
      if (ix.usage.inputTokens)
        this.tokensBuf.inc(`${key}\u0000i`, { service, model, direction: 'input' }, ix.usage.inputTokens);
      if (ix.usage.outputTokens) {
        this.tokensBuf.inc(`${key}\u0000o`, { service, model, direction: 'output' }, ix.usage.outputTokens);
        this.outputTokens.observe({ model }, ix.usage.outputTokens);
      }
      if (ix.usage.costUsd) this.cost.inc({ service, model }, ix.usage.costUsd);
      if (a.risk.refused) this.refusals.inc({ service, model });
    }
    if (ix.kind === 'tool_call' && ix.tool) {
      const decision = ix.tool.decision;
      this.toolCalls.inc({
        tool: this.tools.value(ix.tool.name),
        target_host: this.hostClass(ix.tool.targetHost),
        decision: decision === 'allowed' || decision === 'denied' ? decision : 'unknown',
      });
    }
    if (ix.kind === 'auth' && ix.auth)
      this.authEvents.inc({ outcome: ix.auth.outcome === 'success' ? 'success' : 'failure' });
  }

  /** The allowlist entry a target host matches, `unlisted`, or `none`: never the host itself. */
  private hostClass(host: string | undefined): string {
    if (!host) return 'none';
    const h = host.toLowerCase();
    const entry = this.toolHostAllowlist.find((e) => hostAllowed(h, [e]));
    return entry !== undefined ? entry.slice(0, 64) : 'unlisted'; // configuration, not content
  }
}
