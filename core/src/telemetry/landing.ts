import type { FieldSpec } from './fields.js';

const DATA_STREAM_FIELDS: ReadonlySet<string> = new Set([
  'data_stream.type',
  'data_stream.dataset',
  'data_stream.namespace',
]);

/**
 * How an emitted attribute is named once it lands in each backend, with the Collector exporter settings of
 * otel-collector.yaml (splunk_hec: attributes become indexed HEC fields under their own names; elasticsearch with
 * mapping mode "otel": log attributes under attributes.*, resource attributes under resource.attributes.*).
 * SIEM rules must query these names; siem-content tests check them through this function.
 */
export function landedName(field: Pick<FieldSpec, 'name' | 'on'>, backend: 'splunk' | 'elastic'): string {
  if (backend === 'splunk') return field.name;
  // Mapping mode otel lifts data_stream.type/dataset/namespace to the document root (constant_keyword fields of the
  // data stream) and appends ".otel" to the dataset value; every other attribute stays under attributes.*.
  if (DATA_STREAM_FIELDS.has(field.name)) return field.name;
  return field.on === 'finding_resource' ? `resource.attributes.${field.name}` : `attributes.${field.name}`;
}
