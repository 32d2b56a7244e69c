/**
 * Agent flow detection (docs/flows.md): each analysed span becomes a step of its trace's flow (and its session's),
 * classified by what it did (capabilities.ts); at the end of each batch the flows it touched are judged for unsafe
 * sequences (sequences.ts) and denied-but-executed actions (control-failure.ts). Task scopes (task-scope.ts) and
 * verdict-API blocks are judged per span, at once. Every hit is a Detection plus the content-free Interaction of the
 * span it belongs on; the detection stage scores it like any other. Synchronous; never throws on telemetry.
 */
import type { Registry } from 'prom-client';
import type { Detection, FindingCategory, Interaction } from '@tracehound/core';
import { HASH_PREFIX } from '@tracehound/core/privacy';
import { CapabilityClassifier, type SpanDetection } from './capabilities.js';
import type { FlowsConfig } from './config.js';
import { blockedButRan, findDeniedExecuted, parseTarget, type BlockLookup } from './control-failure.js';
import { Fingerprinter } from './fingerprints.js';
import { FlowMetrics } from './flow-metrics.js';
import { FlowStore, type FlowStep } from './flow-state.js';
import { findSequences } from './sequences.js';
import { TaskScopes } from './task-scope.js';

export interface FlowHitOut {
  /** The Interaction (content-free) of the span the finding belongs on. */
  ix: Interaction;
  detection: Detection;
}

export interface FlowTrackerOptions {
  clock?: () => number;
  registry?: Registry;
  /** detection.toolHostAllowlist: the egress allowlist when flows.egressAllowlist is empty. */
  hostAllowlist?: readonly string[];
  /** Enforced blocks of the verdict API (response layer), when automated response runs. */
  blocks?: BlockLookup;
  /** Fixed fingerprint key (tests); a random one per process otherwise. */
  fingerprintKey?: Buffer;
  /** Category of a content rule id (content detections arrive by rule id). */
  ruleCategory?: (ruleId: string) => FindingCategory | undefined;
}

const MAX_SENT = 256;

export class FlowTracker {
  readonly store: FlowStore;
  private readonly classifier: CapabilityClassifier;
  private readonly tasks: TaskScopes;
  private readonly fp: Fingerprinter;
  private readonly metrics?: FlowMetrics;
  private readonly clock: () => number;
  private readonly ruleCategory: (ruleId: string) => FindingCategory | undefined;
  private touchedTraces = new Set<string>();
  private touchedSessions = new Set<string>();
  blocks?: BlockLookup;

  constructor(
    private readonly config: FlowsConfig,
    opts: FlowTrackerOptions = {},
  ) {
    this.clock = opts.clock ?? Date.now;
    this.store = new FlowStore(config, this.clock);
    this.classifier = new CapabilityClassifier(config, opts.hostAllowlist);
    this.tasks = new TaskScopes(config);
    this.fp = new Fingerprinter(opts.fingerprintKey);
    this.blocks = opts.blocks;
    this.ruleCategory = opts.ruleCategory ?? (() => undefined);
    if (opts.registry) this.metrics = new FlowMetrics(opts.registry, this.store);
  }

  /**
   * Record one analysed span; returns what is judged at once on this span (task scope, verdict-API blocks).
   * `detections`: the content detections raised on the span.
   */
  observe(ix: Interaction, detections: readonly Detection[]): Detection[] {
    if (!this.config.enabled || !ix.span.traceId) return [];
    if (ix.kind === 'policy_decision') {
      this.observeDecision(ix);
      return [];
    }
    if (ix.kind === 'agent' || ix.kind === 'embedding') return [];
    const seen: SpanDetection[] = detections.map((d) => ({
      ruleId: d.ruleId,
      category: this.ruleCategory(d.ruleId),
      channel: d.channel,
    }));
    const c = this.classifier.classify(ix, seen);
    const immediate = this.tasks.check(ix, c.hosts);
    if (this.blocks) {
      const startMs = Number(ix.timing.startNs / 1_000_000n);
      const b = blockedButRan(ix, this.blocks, startMs > 0 ? startMs : this.clock());
      if (b) immediate.push(b);
    }
    if (ix.kind === 'tool_call' && ix.tool?.decision === 'denied' && ix.tool.name)
      this.deny(ix, `tool:${ix.tool.name}`, ix.tool.decisionRule, -1n);
    if (c.capabilities.length === 0 && ix.kind !== 'tool_call') return immediate;
    const step: FlowStep = {
      traceId: ix.span.traceId,
      spanId: ix.span.spanId,
      startNs: ix.timing.startNs,
      kind: ix.kind,
      ...(ix.tool?.name ? { tool: ix.tool.name } : {}),
      capabilities: c.capabilities,
      reasons: c.reasons,
      hosts: c.hosts,
      sent: c.capabilities.includes('outbound') ? this.fp.values(ix.tool?.arguments).slice(0, MAX_SENT) : [],
      anchor: anchorOf(ix),
    };
    const privateFps = c.capabilities.includes('private') ? this.privateValues(ix) : [];
    const session = this.config.sessions ? (ix.identity.session ?? ix.identity.conversation) : undefined;
    const flows = [this.store.trace(ix.span.traceId)];
    this.touchedTraces.add(ix.span.traceId);
    if (session && c.capabilities.length > 0) {
      flows.push(this.store.session(session));
      this.touchedSessions.add(session);
    }
    for (const f of flows) {
      this.store.addStep(f, step);
      if (privateFps.length > 0) this.store.addPrivateValues(f, privateFps, step.spanId, step.startNs);
    }
    return immediate;
  }

  /** Judge the flows touched since the last call (end of a batch): unsafe sequences and denied-but-executed actions. */
  evaluate(): FlowHitOut[] {
    const out: FlowHitOut[] = [];
    for (const traceId of this.touchedTraces) {
      const flow = this.store.peekTrace(traceId);
      if (!flow) continue;
      for (const h of findSequences(flow, 'trace', traceId)) out.push({ ix: h.step.anchor, detection: h.detection });
      for (const h of findDeniedExecuted(flow)) out.push({ ix: h.step.anchor, detection: h.detection });
    }
    for (const session of this.touchedSessions) {
      const flow = this.store.peekSession(session);
      if (!flow) continue;
      for (const h of findSequences(flow, 'session', session)) out.push({ ix: h.step.anchor, detection: h.detection });
    }
    this.touchedTraces = new Set();
    this.touchedSessions = new Set();
    return out;
  }

  private observeDecision(ix: Interaction): void {
    const p = ix.policy;
    if (!p) return;
    this.metrics?.decision(p.rule, p.decision, p.enforced);
    const denied = this.config.denyDecisions.some((d) => d.toLowerCase() === (p.decision ?? '').toLowerCase());
    // A shadow decision (enforced=false) was not meant to stop anything.
    if (!denied || p.enforced === false) return;
    const target = parseTarget(p.target);
    if (target) this.deny(ix, target, p.rule, ix.timing.startNs);
  }

  private deny(ix: Interaction, target: string, rule: string | undefined, startNs: bigint): void {
    const flow = this.store.trace(ix.span.traceId);
    this.touchedTraces.add(ix.span.traceId);
    // A denial recorded on the tool span itself (decision=denied) precedes its own execution.
    this.store.addDenial(flow, {
      spanId: startNs < 0n ? `${ix.span.spanId}:decision` : ix.span.spanId,
      startNs: startNs < 0n ? ix.timing.startNs : startNs,
      target,
      ...(rule ? { rule } : {}),
    });
  }

  /** Fingerprints of the private data a span brought in (tool result, private documents). */
  private privateValues(ix: Interaction): string[] {
    const texts: string[] = [];
    if (ix.tool?.result) texts.push(ix.tool.result);
    for (const d of ix.documents) if (d.content) texts.push(d.content);
    const out: string[] = [];
    for (const t of texts) for (const v of this.fp.values(t)) if (out.length < this.config.maxFingerprints) out.push(v);
    return out;
  }

  get stats(): { traces: number; sessions: number; droppedSteps: number; droppedFingerprints: number } {
    return {
      traces: this.store.traces.size,
      sessions: this.store.sessions.size,
      ...this.store.stats,
    };
  }

  shutdown(): void {
    this.store.clear();
  }
}

/** The span's Interaction without content: identity, tool name and target, span and timing. */
function anchorOf(ix: Interaction): Interaction {
  return {
    kind: ix.kind,
    dialect: ix.dialect,
    ...(ix.operation ? { operation: ix.operation } : {}),
    ...(ix.provider ? { provider: ix.provider } : {}),
    ...(ix.model ? { model: ix.model } : {}),
    ...(ix.service ? { service: ix.service } : {}),
    input: [],
    output: [],
    documents: [],
    usage: {},
    identity: { ...ix.identity },
    ...(ix.tool
      ? {
          tool: {
            name: ix.tool.name,
            ...(ix.tool.targetHost ? { targetHost: ix.tool.targetHost } : {}),
            ...(ix.tool.targetUrl && !ix.tool.targetUrl.startsWith(HASH_PREFIX)
              ? { targetUrl: ix.tool.targetUrl }
              : {}),
          },
        }
      : {}),
    timing: { ...ix.timing },
    span: { ...ix.span },
  };
}
