/**
 * What one span did, as a step of an agent's flow: read private data, ingested untrusted content, or sent data out
 * (or several). Read from the Interaction and the content detections already raised on it: the tool's name against
 * the configured globs, the trust, source and classification of retrieved documents, secrets or personal data seen in
 * a tool result, indirect injection found in a document or tool result, and the hosts a tool call reaches.
 */
import type { FindingCategory, Interaction } from '@tracehound/core';
import { extractToolTargets, hostAllowed } from '../../detect/leak/tool-targets.js';
import type { FlowsConfig } from './config.js';
import { GlobSet } from '@tracehound/core';

export type Capability = 'private' | 'untrusted' | 'outbound';

/** A content detection on the span, with its category resolved. */
export interface SpanDetection {
  ruleId: string;
  category?: FindingCategory;
  channel: string;
}

export interface Classified {
  capabilities: Capability[];
  /** Why each capability was recognised (names and labels only: never content). */
  reasons: Partial<Record<Capability, string>>;
  /** Hosts the span reaches outside the egress allowlist. */
  egressHosts: string[];
  /** Every host the span reaches. */
  hosts: string[];
}

const PRIVATE_CATEGORIES = new Set<FindingCategory>(['secret_leak', 'pii_leak']);
const UNTRUSTED_CATEGORIES = new Set<FindingCategory>(['indirect_prompt_injection']);

export class CapabilityClassifier {
  private readonly privateTools: GlobSet;
  private readonly privateSources: GlobSet;
  private readonly privateClasses: Set<string>;
  private readonly untrustedTools: GlobSet;
  private readonly outboundTools: GlobSet;
  readonly egressAllowlist: readonly string[];

  constructor(config: FlowsConfig, hostAllowlist: readonly string[] = []) {
    this.privateTools = new GlobSet(config.privateTools);
    this.privateSources = new GlobSet(config.privateSources);
    this.privateClasses = new Set(config.privateClassifications.map((c) => c.toLowerCase()));
    this.untrustedTools = new GlobSet(config.untrustedTools);
    this.outboundTools = new GlobSet(config.outboundTools);
    this.egressAllowlist = config.egressAllowlist.length > 0 ? config.egressAllowlist : hostAllowlist;
  }

  classify(ix: Interaction, detections: readonly SpanDetection[]): Classified {
    const reasons: Classified['reasons'] = {};
    const tool = ix.kind === 'tool_call' ? ix.tool?.name : undefined;
    // Private data read: a private tool, a private document, or secrets / personal data in what came back.
    if (tool && this.privateTools.matches(tool)) reasons.private = `tool ${tool}`;
    for (const d of ix.documents) {
      if (reasons.private) break;
      if (d.classification && this.privateClasses.has(d.classification.toLowerCase()))
        reasons.private = `document classified ${d.classification}`;
      else if (this.privateSources.matches(d.source)) reasons.private = `document from ${d.source}`;
    }
    const resultDetection = detections.find(
      (d) =>
        (d.channel === 'tool_result' || d.channel === 'document') && d.category && PRIVATE_CATEGORIES.has(d.category),
    );
    if (!reasons.private && resultDetection && ix.kind !== 'llm_call')
      reasons.private = `${resultDetection.category} in ${resultDetection.channel} (${resultDetection.ruleId})`;

    // Untrusted content ingested: an ingest tool, a low-trust document, indirect injection in what came back.
    const ingestTool = tool !== undefined && this.untrustedTools.matches(tool);
    if (ingestTool) reasons.untrusted = `tool ${tool}`;
    if (!reasons.untrusted) {
      const doc = ix.documents.find((d) => d.trust === 'untrusted');
      if (doc) reasons.untrusted = `untrusted document ${doc.id ?? doc.source ?? ''}`.trim();
    }
    const injected = detections.find(
      (d) =>
        (d.channel === 'tool_result' || d.channel === 'document') && d.category && UNTRUSTED_CATEGORIES.has(d.category),
    );
    if (!reasons.untrusted && injected) reasons.untrusted = `injection in ${injected.channel} (${injected.ruleId})`;

    // Outbound: a sending tool, or a tool call reaching a host outside the egress allowlist (a fetch tool's own
    // host does not count as egress: it is how content comes in; the flow judges what its arguments carry).
    let hosts: string[] = [];
    let egressHosts: string[] = [];
    if (ix.kind === 'tool_call' && ix.tool) {
      hosts = extractToolTargets(ix, ix.tool.arguments ? [ix.tool.arguments] : []).hosts.slice(0, 16);
      egressHosts = this.egressAllowlist.length > 0 ? hosts.filter((h) => !hostAllowed(h, this.egressAllowlist)) : [];
      if (tool && this.outboundTools.matches(tool)) reasons.outbound = `tool ${tool}`;
      else if (egressHosts.length > 0 && !ingestTool) reasons.outbound = `${tool ?? 'tool'} → ${egressHosts[0]}`;
    }
    const capabilities = (['private', 'untrusted', 'outbound'] as const).filter((c) => reasons[c] !== undefined);
    return { capabilities, reasons, egressHosts, hosts };
  }
}
