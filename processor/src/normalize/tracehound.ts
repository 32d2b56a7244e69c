/**
 * Tracehound's own instrumentation (@tracehound/instrumentation): current OTel GenAI attributes plus the
 * `tracehound.*` attributes documented in docs/dialects.md — tool targets and decisions, retrieved documents with
 * trust and classification, the app's policy decisions, authentication outcomes, canaries. (Identity and
 * `tracehound.moderation` are read for every dialect by identity.ts and moderation.ts.)
 */
import type { Interaction, InteractionKind, RetrievedDocument, Attributes, SpanView } from '@tracehound/core';
import { bool, str, strList } from './attrs.js';
import { readDocuments } from './genai.js';
import type { ParseCtx } from './json.js';
import { genAiKind, normalizeGenAiCore } from './otel-genai.js';

export const DIALECT = 'tracehound';

/** Attribute-key prefixes that mark a span as Tracehound-instrumented (not the processor's own risk/finding output). */
export const TRACEHOUND_INPUT_PREFIXES = [
  'tracehound.identity.',
  'tracehound.tool.',
  'tracehound.retrieval.',
  'tracehound.policy.',
  'tracehound.auth.',
  'tracehound.canaries',
  'tracehound.moderation',
] as const;

export function isTracehoundInputKey(key: string): boolean {
  for (const p of TRACEHOUND_INPUT_PREFIXES) if (key.startsWith(p)) return true;
  return false;
}

function kindOf(span: SpanView): InteractionKind | undefined {
  const a = span.attributes;
  const fromGenAi = genAiKind(span);
  if (fromGenAi) return fromGenAi;
  if (a['tracehound.auth.outcome'] !== undefined) return 'auth';
  if (a['tracehound.policy.decision'] !== undefined) return 'policy_decision';
  if (a['tracehound.tool.target.url'] !== undefined || a['tracehound.tool.decision'] !== undefined) return 'tool_call';
  if (a['tracehound.retrieval.documents'] !== undefined) return 'retrieval';
  return undefined;
}

function readToolExtras(a: Attributes, ix: Interaction): void {
  const url = str(a, 'tracehound.tool.target.url');
  const host = str(a, 'tracehound.tool.target.host');
  const path = str(a, 'tracehound.tool.target.path');
  const decision = str(a, 'tracehound.tool.decision');
  const rule = str(a, 'tracehound.tool.decision.rule');
  if (!url && !host && !path && !decision && !ix.tool) return;
  ix.tool ??= { name: str(a, 'gen_ai.tool.name') ?? '' };
  if (url) ix.tool.targetUrl = url;
  if (host) ix.tool.targetHost = host;
  if (path) ix.tool.targetPath = path;
  if (decision === 'allowed' || decision === 'denied') ix.tool.decision = decision;
  if (rule) ix.tool.decisionRule = rule;
}

function readPolicy(a: Attributes, ix: Interaction): void {
  const rule = str(a, 'tracehound.policy.rule');
  const decision = str(a, 'tracehound.policy.decision');
  const enforced = bool(a, 'tracehound.policy.enforced');
  const reason = str(a, 'tracehound.policy.reason');
  const target = str(a, 'tracehound.policy.target');
  if (!rule && !decision && enforced === undefined && !reason) return;
  ix.policy = { source: 'app' };
  if (rule) ix.policy.rule = rule;
  if (decision) ix.policy.decision = decision;
  if (enforced !== undefined) ix.policy.enforced = enforced;
  if (reason) ix.policy.reason = reason;
  if (target) ix.policy.target = target;
  const cats = strList(a['tracehound.policy.categories']);
  if (cats) ix.policy.categories = cats;
}

function readAuth(a: Attributes, ix: Interaction): void {
  const outcome = str(a, 'tracehound.auth.outcome');
  if (outcome !== 'success' && outcome !== 'failure') return;
  ix.auth = { outcome };
  const method = str(a, 'tracehound.auth.method');
  if (method) ix.auth.method = method;
  const reason = str(a, 'tracehound.auth.reason');
  if (reason) ix.auth.reason = reason;
}

/** Canaries: a string array, a JSON array in a string, or a comma-separated string. */
function readCanaries(a: Attributes, ix: Interaction): void {
  const list = strList(a['tracehound.canaries']);
  if (list) ix.canaries = list;
}

export function normalizeTracehound(span: SpanView, ctx: ParseCtx): Interaction | null {
  const a = span.attributes;
  const kind = kindOf(span);
  if (!kind) return null;
  const ix = normalizeGenAiCore(span, ctx, DIALECT, kind);
  if (!ix) return null;
  readToolExtras(a, ix);
  const own = a['tracehound.retrieval.documents'];
  if (own !== undefined) {
    // Tracehound's documents carry trust/classification/tenant: they replace the plain gen_ai list.
    const docs: RetrievedDocument[] = [];
    readDocuments(own, docs, ctx);
    if (docs.length > 0) ix.documents = docs;
  }
  readPolicy(a, ix);
  readAuth(a, ix);
  readCanaries(a, ix);
  return ix;
}
