/**
 * Retrieval: which documents were touched, from where, at which trust level and classification. The convention's
 * `gen_ai.retrieval.documents` ({id, score}) is emitted too; `tracehound.retrieval.documents` adds what security needs.
 */
import { context, SpanKind, type Span } from '@opentelemetry/api';
import type { ContentPolicy } from '../content/capture.js';
import { runtime } from '../runtime.js';
import { safely } from '../safe.js';
import * as A from '@tracehound/core/attributes';
import { stampIdentity } from './identity.js';

export type TrustLevel = 'trusted' | 'internal' | 'untrusted' | 'unknown';

export interface RetrievalDocument {
  id?: string;
  source?: string;
  trust?: TrustLevel;
  classification?: string;
  tenant?: string;
  score?: number;
  /** The text handed to the model. Content: recorded per capture mode. */
  content?: string;
}

export interface RetrievalOptions {
  /** The data source (index, collection, store) id. */
  dataSource?: string;
  /** The query text (content: recorded per capture mode). */
  query?: string;
  /** Annotate this span instead of starting a new `retrieval` span. */
  span?: Span;
}

interface SecurityDoc {
  id?: string;
  source?: string;
  trust?: string;
  classification?: string;
  tenant?: string;
  content?: string;
}

function securityDocs(docs: RetrievalDocument[], policy: ContentPolicy): SecurityDoc[] {
  return docs.map((d) => {
    const o: SecurityDoc = {};
    if (d.id !== undefined) o.id = String(d.id);
    if (d.source !== undefined) o.source = d.source;
    o.trust = d.trust ?? 'unknown';
    if (d.classification !== undefined) o.classification = d.classification;
    if (d.tenant !== undefined) o.tenant = d.tenant;
    if (policy.mode !== 'off' && typeof d.content === 'string') o.content = policy.text(d.content);
    return o;
  });
}

/** JSON array within maxLength, dropping whole items from the end. */
function boundedArray(items: unknown[], maxLength: number): { json: string; truncated: boolean } {
  let json = JSON.stringify(items);
  if (json.length <= maxLength) return { json, truncated: false };
  const kept: unknown[] = [];
  let used = 2;
  for (const it of items) {
    const len = JSON.stringify(it).length + 1;
    if (used + len > maxLength) break;
    kept.push(it);
    used += len;
  }
  json = JSON.stringify(kept);
  return { json, truncated: true };
}

/** Records a retrieval as a `retrieval {dataSource}` span (or on opts.span). Never throws. */
export function recordRetrieval(docs: RetrievalDocument[], opts: RetrievalOptions = {}): void {
  safely(
    'recordRetrieval',
    () => {
      const rt = runtime();
      const list = Array.isArray(docs) ? docs : [];
      let span = opts.span;
      const own = !span;
      if (!span) {
        const ctx = context.active();
        span = rt
          .tracer()
          .startSpan(
            opts.dataSource ? `${A.OP_RETRIEVAL} ${opts.dataSource}` : A.OP_RETRIEVAL,
            { kind: SpanKind.CLIENT },
            ctx,
          );
        stampIdentity(span, ctx);
      }
      span.setAttribute(A.GEN_AI_OPERATION_NAME, A.OP_RETRIEVAL);
      if (opts.dataSource) span.setAttribute(A.GEN_AI_DATA_SOURCE_ID, opts.dataSource);
      if (opts.query !== undefined && rt.content.mode !== 'off') {
        span.setAttribute(A.GEN_AI_RETRIEVAL_QUERY_TEXT, rt.content.text(opts.query).slice(0, rt.content.maxLength));
      }
      const conv = boundedArray(
        list.map((d) => (d.score === undefined ? { id: d.id } : { id: d.id, score: d.score })),
        rt.content.maxLength,
      );
      span.setAttribute(A.GEN_AI_RETRIEVAL_DOCUMENTS, conv.json);
      const sec = boundedArray(securityDocs(list, rt.content), rt.content.maxLength);
      span.setAttribute(A.TH_RETRIEVAL_DOCUMENTS, sec.json);
      if (conv.truncated || sec.truncated) span.setAttribute(A.TH_CONTENT_TRUNCATED, true);
      if (own) span.end();
    },
    undefined,
  );
}
