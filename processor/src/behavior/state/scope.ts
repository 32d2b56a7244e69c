import type { RetrievedDocument } from '@tracehound/core';

/** A parsed data scope: allowed values per document attribute; an empty list means "not constrained". */
export interface DataScope {
  tenant: string[];
  classification: string[];
  source: string[];
}

/**
 * Parse declared scope entries: "tenant:acme", "classification:internal", "source:kb/public/*"; a bare entry is a
 * source pattern. Patterns match exactly, or by prefix when they end in "*".
 */
export function parseScope(entries: readonly string[]): DataScope {
  const scope: DataScope = { tenant: [], classification: [], source: [] };
  for (const raw of entries) {
    const e = raw.trim();
    if (!e) continue;
    const colon = e.indexOf(':');
    const key = colon > 0 ? e.slice(0, colon).toLowerCase() : '';
    if (key === 'tenant' || key === 'classification' || key === 'source') scope[key].push(e.slice(colon + 1));
    else scope.source.push(e);
  }
  return scope;
}

export function matches(patterns: readonly string[], value: string): boolean {
  for (const p of patterns) {
    if (p === '*' || p === value) return true;
    if (p.endsWith('*') && value.startsWith(p.slice(0, -1))) return true;
  }
  return false;
}

/** Why a document is outside the scope, or undefined when it is inside (attributes a document lacks are not judged). */
export function outOfScope(
  doc: RetrievedDocument,
  scope: DataScope,
): 'tenant' | 'classification' | 'source' | undefined {
  if (doc.tenant && scope.tenant.length > 0 && !matches(scope.tenant, doc.tenant)) return 'tenant';
  if (doc.classification && scope.classification.length > 0 && !matches(scope.classification, doc.classification))
    return 'classification';
  if (doc.source && scope.source.length > 0 && !matches(scope.source, doc.source)) return 'source';
  return undefined;
}
