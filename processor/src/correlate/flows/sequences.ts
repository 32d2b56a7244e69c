/**
 * The dangerous combinations in one flow's steps, ordered by start time: private data + untrusted content followed by
 * an outbound action (TH-FLOW-001), and private data followed by an outbound action carrying its values
 * (TH-FLOW-002). One finding per flow and rule, placed on the outbound step, listing the steps in order.
 */
import type { Detection } from '@tracehound/core';
import type { FlowState, FlowStep } from './flow-state.js';
import { FLOW } from './rules.js';

export interface FlowHit {
  step: FlowStep;
  detection: Detection;
}

const MAX_LISTED = 10;

function describe(s: FlowStep, role: string): string {
  return `${role}:${s.tool ?? s.kind}@${s.spanId}`;
}

/** The combinations completed in `flow` not fired before (the fired set is updated). `scope` labels the finding. */
export function findSequences(flow: FlowState, scope: 'trace' | 'session', key: string): FlowHit[] {
  const steps = [...flow.steps].sort((a, b) => (a.startNs < b.startNs ? -1 : a.startNs > b.startNs ? 1 : 0));
  const hits: FlowHit[] = [];
  for (const out of steps) {
    if (!out.capabilities.includes('outbound')) continue;
    const before = steps.filter((s) => s !== out && s.startNs <= out.startNs);
    const priv = before.find((s) => s.capabilities.includes('private'));
    if (!priv) continue;
    // Values of private data read before this action that its arguments carry.
    const carriedFrom = new Set<string>();
    let carried = 0;
    for (const fp of out.sent) {
      const src = flow.privateValues.get(fp);
      if (src && src.startNs <= out.startNs && src.spanId !== out.spanId) {
        carried++;
        carriedFrom.add(src.spanId);
      }
    }
    const untrusted = before.find((s) => s.capabilities.includes('untrusted') && s !== priv);
    const sessionWide = scope === 'session' && new Set([priv.traceId, out.traceId, untrusted?.traceId]).size > 1;
    if (scope === 'session' && !sessionWide) continue; // one trace: judged by its trace flow
    if (untrusted && !flow.fired.has(FLOW.trifecta)) {
      flow.fired.add(FLOW.trifecta);
      flow.fired.add(FLOW.carriedOut); // one finding for the chain
      const chain = [priv, untrusted].sort((a, b) => (a.startNs <= b.startNs ? -1 : 1));
      const ordered = [...chain, out];
      hits.push({
        step: out,
        detection: {
          ruleId: FLOW.trifecta,
          confidence: carried > 0 ? 1 : 0.9,
          channel: 'tool_call',
          evidence: `${ordered.map((s) => `${s === priv ? 'private' : s === untrusted ? 'untrusted' : 'outbound'} ${s.tool ?? s.kind}`).join(' → ')}${carried > 0 ? `; carries ${carried} value(s) of the private data` : ''}`,
          details: {
            scope,
            flowKey: scope === 'session' ? `session:${key}` : `trace:${key}`,
            steps: ordered.map((s) => describe(s, s === priv ? 'private' : s === untrusted ? 'untrusted' : 'outbound')),
            stepSpanIds: ordered.map((s) => s.spanId),
            stepTools: ordered.map((s) => s.tool ?? s.kind),
            reasons: [priv.reasons.private ?? '', untrusted.reasons.untrusted ?? '', out.reasons.outbound ?? ''],
            carried: carried > 0,
            carriedValues: carried,
            hosts: out.hosts.slice(0, 5),
          },
        },
      });
      continue;
    }
    if (carried > 0 && !flow.fired.has(FLOW.carriedOut)) {
      flow.fired.add(FLOW.carriedOut);
      const source = steps.find((s) => carriedFrom.has(s.spanId)) ?? priv;
      const ordered = [source, out];
      hits.push({
        step: out,
        detection: {
          ruleId: FLOW.carriedOut,
          confidence: Math.min(1, 0.8 + 0.05 * carried),
          channel: 'tool_call',
          evidence: `${out.tool ?? 'tool'} carries ${carried} value(s) read by ${source.tool ?? source.kind} (${source.reasons.private ?? 'private data'})`,
          details: {
            scope,
            flowKey: scope === 'session' ? `session:${key}` : `trace:${key}`,
            steps: ordered.map((s, i) => describe(s, i === 0 ? 'private' : 'outbound')),
            stepSpanIds: ordered.map((s) => s.spanId),
            stepTools: ordered.map((s) => s.tool ?? s.kind),
            carriedValues: carried,
            hosts: out.hosts.slice(0, 5),
          },
        },
      });
    }
  }
  for (const h of hits) {
    const d = h.detection.details!;
    for (const k of ['steps', 'stepSpanIds', 'stepTools'] as const) {
      const v = d[k] as string[];
      if (v.length > MAX_LISTED) d[k] = v.slice(0, MAX_LISTED);
    }
  }
  return hits;
}
