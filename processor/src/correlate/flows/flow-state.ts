/**
 * The bounded memory of agent flows: per trace (kept `traceWaitSeconds` after its last step, so late spans still
 * join their trace's flow) and per session (kept `sessionTtlSeconds`), at most `maxFlows` of each (least recently
 * used evicted, counted), at most `maxSteps` steps and `maxFingerprints` private-value fingerprints per flow (the
 * oldest dropped, counted). Nothing here holds content: steps carry span ids, tool names, reasons and fingerprints.
 */
import type { Interaction } from '@tracehound/core';
import { BoundedStore } from '../../behavior/state/store.js';
import type { Capability } from './capabilities.js';
import type { FlowsConfig } from './config.js';

export interface FlowStep {
  traceId: string;
  spanId: string;
  startNs: bigint;
  kind: Interaction['kind'];
  tool?: string;
  capabilities: Capability[];
  reasons: Partial<Record<Capability, string>>;
  hosts: string[];
  /** Fingerprints of the values an outbound step's arguments carry (bounded). */
  sent: string[];
  /** The span's Interaction without content: what a finding on this step is built from. */
  anchor: Interaction;
}

/** A policy decision that forbade an action. */
export interface Denial {
  spanId: string;
  startNs: bigint;
  target: string;
  rule?: string;
}

export interface FlowState {
  steps: FlowStep[];
  /** Private-value fingerprint → the step (span id, start) that read it first. */
  privateValues: Map<string, { spanId: string; startNs: bigint }>;
  denials: Denial[];
  /** Keys of what already fired for this flow (rule + step). */
  fired: Set<string>;
}

export interface FlowStateStats {
  droppedSteps: number;
  droppedFingerprints: number;
}

export class FlowStore {
  readonly traces: BoundedStore<FlowState>;
  readonly sessions: BoundedStore<FlowState>;
  readonly stats: FlowStateStats = { droppedSteps: 0, droppedFingerprints: 0 };

  constructor(
    private readonly config: FlowsConfig,
    private readonly clock: () => number,
  ) {
    this.traces = new BoundedStore<FlowState>('flows.traces', config.maxFlows, config.traceWaitSeconds * 1000);
    this.sessions = new BoundedStore<FlowState>('flows.sessions', config.maxFlows, config.sessionTtlSeconds * 1000);
  }

  trace(traceId: string): FlowState {
    return this.traces.getOrCreate(traceId, this.clock(), empty);
  }

  session(session: string): FlowState {
    return this.sessions.getOrCreate(session, this.clock(), empty);
  }

  peekTrace(traceId: string): FlowState | undefined {
    return this.traces.peek(traceId, this.clock());
  }

  peekSession(session: string): FlowState | undefined {
    return this.sessions.peek(session, this.clock());
  }

  /** Add a step (a span seen again replaces nothing: the first record of a span stays). */
  addStep(flow: FlowState, step: FlowStep): boolean {
    if (flow.steps.some((s) => s.spanId === step.spanId && s.traceId === step.traceId)) return false;
    if (flow.steps.length >= this.config.maxSteps) {
      flow.steps.shift();
      this.stats.droppedSteps++;
    }
    flow.steps.push(step);
    return true;
  }

  addPrivateValues(flow: FlowState, fps: readonly string[], spanId: string, startNs: bigint): void {
    for (const fp of fps) {
      const prev = flow.privateValues.get(fp);
      if (prev && prev.startNs <= startNs) continue;
      if (!prev && flow.privateValues.size >= this.config.maxFingerprints) {
        this.stats.droppedFingerprints++;
        continue;
      }
      flow.privateValues.set(fp, { spanId, startNs });
    }
  }

  addDenial(flow: FlowState, d: Denial): void {
    if (flow.denials.some((x) => x.spanId === d.spanId && x.target === d.target)) return;
    if (flow.denials.length >= this.config.maxSteps) {
      flow.denials.shift();
      this.stats.droppedSteps++;
    }
    flow.denials.push(d);
  }

  clear(): void {
    this.traces.clear();
    this.sessions.clear();
  }
}

function empty(): FlowState {
  return { steps: [], privateValues: new Map(), denials: [], fired: new Set() };
}
