/** Schema field names as they land in each backend (core/src/telemetry: the one contract), for the generators. */
import { FIELDS, type FieldSpec, landedName } from '@tracehound/core';

export type Backend = 'splunk' | 'elastic';

const BY_NAME: ReadonlyMap<string, FieldSpec> = new Map(FIELDS.map((f) => [f.name, f]));

export function fieldSpec(name: string): FieldSpec {
  const f = BY_NAME.get(name);
  if (!f) throw new Error(`field ${name} is not in core/src/telemetry/fields.ts`);
  return f;
}

export function landed(name: string, backend: Backend): string {
  return landedName(fieldSpec(name), backend);
}

/** Every field name a query may use in that backend (finding record fields only: rules never query spans). */
export function landedFieldSet(backend: Backend): ReadonlySet<string> {
  return new Set(FIELDS.filter((f) => f.on !== 'span').map((f) => landedName(f, backend)));
}

/** Elasticsearch field type for required_fields. */
export function elasticType(name: string): string {
  const t = fieldSpec(name).type;
  return t === 'int' ? 'long' : t === 'double' ? 'double' : t === 'boolean' ? 'boolean' : 'keyword';
}

/** Fields shown with every single-event alert (all schema fields). */
export const DISPLAY_FIELDS: readonly string[] = [
  'rule.id',
  'rule.name',
  'rule.category',
  'tracehound.severity',
  'event.risk_score',
  'tracehound.channel',
  'tracehound.evidence',
  'user.id',
  'session.id',
  'tracehound.api_key.fingerprint',
  'service.name',
  'gen_ai.request.model',
  'gen_ai.tool.name',
  'trace.id',
  'span.id',
];

/** The Elasticsearch data stream the exporter writes findings to (data_stream.dataset + ".otel", any namespace). */
export const ELASTIC_INDEX_PATTERN = 'logs-tracehound.finding.otel-*';
/** Splunk sourcetype of finding records (set by the Collector; see otel-collector.yaml). */
export const SPLUNK_SOURCETYPE = 'tracehound:finding';
