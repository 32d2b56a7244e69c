/**
 * (b) Investigation: the high-risk spans in Tempo (TraceQL on `span.tracehound.risk.score`) and the finding records
 * in Loki (LogQL) and Elasticsearch (Lucene), as tables whose trace id opens the trace in Tempo.
 *
 * How the finding records are assumed to land (docs/dashboards.md):
 * - Loki ≥ 3.0 through the Collector's `otlphttp` exporter to Loki's native OTLP endpoint: `service.name` becomes the
 *   index label `service_name`; log attributes become structured metadata with `.` replaced by `_` (`event.name` →
 *   `event_name`, `rule.id` → `rule_id`, `event.risk_score` → `event_risk_score`, `trace.id` → `trace_id`).
 * - Elasticsearch through the `elasticsearch` exporter with `mapping.mode: otel` (otel-collector.yaml): attributes under
 *   `attributes.*` (core/src/telemetry/landing.ts), data stream `logs-tracehound.finding.otel-default`.
 */
import type { DataSourceRef } from '@grafana/grafana-foundation-sdk/common';
import {
  RowBuilder,
  TextBoxVariableBuilder,
  type Dashboard,
  type DynamicConfigValue,
} from '@grafana/grafana-foundation-sdk/dashboard';
import {
  DataqueryBuilder as EsQuery,
  RawDataBuilder,
  type MetricAggregation,
} from '@grafana/grafana-foundation-sdk/elasticsearch';
import type { Builder } from '@grafana/grafana-foundation-sdk/cog';

/**
 * A raw-data metric. The SDK's RawDataBuilder leaves `type` at its placeholder default ("unknown", not an
 * Elasticsearch metric type); the dashboard schema's raw-data metric is `raw_data`.
 */
function rawData(id: string, size: string): Builder<MetricAggregation> {
  return { build: () => ({ ...new RawDataBuilder().id(id).settings({ size }).build(), type: 'raw_data' }) };
}
import { DataqueryBuilder as LokiQuery, LokiQueryDirection } from '@grafana/grafana-foundation-sdk/loki';
import { PanelBuilder as TablePanel } from '@grafana/grafana-foundation-sdk/table';
import {
  DataqueryBuilder as TempoQuery,
  SearchTableType,
  MetricsQueryType,
} from '@grafana/grafana-foundation-sdk/tempo';
import { PanelBuilder as TimeseriesPanel } from '@grafana/grafana-foundation-sdk/timeseries';
import { customVariable, datasourceVariable, ds, finalize, tracehoundDashboard } from './common.js';

export const INVESTIGATION_UID = 'tracehound-investigation';

/** The LogQL stream and filters that select finding records at or above the risk threshold. */
const FINDINGS_LOGQL = '{service_name=~"$service"} | event_name="tracehound.finding" | event_risk_score >= $threshold';

/** Opens the trace id under the cursor in Explore on the dashboard's Tempo datasource. */
function traceLink(valueRef: string): DynamicConfigValue {
  const pane = {
    t: {
      datasource: '${tempo}',
      queries: [{ refId: 'A', datasource: { type: 'tempo', uid: '${tempo}' }, queryType: 'traceql', query: valueRef }],
      range: { from: '${__from}', to: '${__to}' },
    },
  };
  return {
    id: 'links',
    value: [{ title: 'Open trace in Tempo', url: `/explore?schemaVersion=1&panes=${JSON.stringify(pane)}` }],
  };
}

function table(title: string, description: string, datasource: DataSourceRef, w: number, h: number): TablePanel {
  return new TablePanel()
    .title(title)
    .description(description)
    .datasource(datasource)
    .span(w)
    .height(h)
    .filterable(true);
}

export function investigationDashboard(): Dashboard {
  const d = tracehoundDashboard(
    'Tracehound · Investigation',
    INVESTIGATION_UID,
    'High-risk LLM spans in Tempo and the findings about them in Loki or Elasticsearch, linked by trace id.',
    'now-24h',
  )
    .withVariable(datasourceVariable('tempo', 'Tempo'))
    .withVariable(datasourceVariable('loki', 'Loki'))
    .withVariable(datasourceVariable('elasticsearch', 'Elasticsearch'))
    .withVariable(customVariable('threshold', 'Risk ≥', ['25', '40', '55', '70', '85', '90'], '70'))
    .withVariable(
      new TextBoxVariableBuilder('service')
        .label('Service (regex)')
        .defaultValue('.+')
        .current({ selected: true, text: '.+', value: '.+' }),
    )

    .withRow(new RowBuilder('Spans (Tempo)'))
    .withPanel(
      table(
        'High-risk spans',
        'Spans the processor scored at or above the threshold; the trace id opens the trace.',
        ds('tempo'),
        24,
        10,
      ).withTarget(
        new TempoQuery()
          .datasource(ds('tempo'))
          .queryType('traceql')
          .tableType(SearchTableType.Spans)
          .limit(100)
          .spss(10)
          .query(
            '{ span.tracehound.risk.score >= $threshold && resource.service.name =~ "$service" } | select(span.tracehound.risk.severity, span.tracehound.finding.rules, span.tracehound.finding.categories, span.tracehound.finding.count)',
          ),
      ),
    )
    .withPanel(
      new TimeseriesPanel()
        .title('High-risk spans by severity')
        .description('TraceQL metrics (Tempo ≥ 2.4 with metrics enabled): high-risk spans over time by severity.')
        .datasource(ds('tempo'))
        .span(24)
        .height(7)
        .withTarget(
          new TempoQuery()
            .datasource(ds('tempo'))
            .queryType('traceql')
            .metricsQueryType(MetricsQueryType.Range)
            .query(
              '{ span.tracehound.risk.score >= $threshold && resource.service.name =~ "$service" } | count_over_time() by (span.tracehound.risk.severity)',
            ),
        ),
    )

    .withRow(new RowBuilder('Findings (Loki)'))
    .withPanel(
      new TimeseriesPanel()
        .title('Findings by severity')
        .description('Finding records at or above the threshold, per severity.')
        .datasource(ds('loki'))
        .span(24)
        .height(7)
        .withTarget(
          new LokiQuery()
            .datasource(ds('loki'))
            .expr(`sum by (tracehound_severity) (count_over_time(${FINDINGS_LOGQL} [$__auto]))`)
            .legendFormat('{{tracehound_severity}}')
            .range(true),
        ),
    )
    .withPanel(
      table(
        'Findings',
        'One row per finding record (event.name tracehound.finding). Evidence is redacted by the processor.',
        ds('loki'),
        24,
        10,
      )
        .withTarget(
          new LokiQuery()
            .datasource(ds('loki'))
            .expr(FINDINGS_LOGQL)
            .direction(LokiQueryDirection.Backward)
            .maxLines(500)
            .range(true),
        )
        .withTransformation({ id: 'extractFields', options: { source: 'labels', keepTime: true, replace: true } })
        .withTransformation({
          id: 'organize',
          options: {
            includeByName: {
              Time: true,
              service_name: true,
              tracehound_severity: true,
              event_risk_score: true,
              rule_id: true,
              rule_name: true,
              rule_category: true,
              tracehound_channel: true,
              session_id: true,
              user_id: true,
              trace_id: true,
              tracehound_evidence: true,
            },
          },
        })
        .overrideByName('trace_id', [traceLink('${__value.raw}')]),
    )
    .withPanel(
      table(
        'Behavioral findings: baseline vs observed',
        'Stateful findings with the baseline the processor learned and the value it observed.',
        ds('loki'),
        24,
        8,
      )
        .withTarget(
          new LokiQuery()
            .datasource(ds('loki'))
            .expr(`${FINDINGS_LOGQL} | tracehound_pattern_baseline != ""`)
            .direction(LokiQueryDirection.Backward)
            .maxLines(200)
            .range(true),
        )
        .withTransformation({ id: 'extractFields', options: { source: 'labels', keepTime: true, replace: true } })
        .withTransformation({
          id: 'organize',
          options: {
            includeByName: {
              Time: true,
              service_name: true,
              rule_id: true,
              rule_name: true,
              tracehound_pattern_entity_type: true,
              tracehound_pattern_baseline: true,
              tracehound_pattern_observed: true,
              tracehound_pattern_threshold: true,
              tracehound_pattern_count: true,
              trace_id: true,
            },
          },
        })
        .overrideByName('trace_id', [traceLink('${__value.raw}')]),
    )

    .withRow(new RowBuilder('Findings (Elasticsearch)'))
    .withPanel(
      table(
        'Findings in Elasticsearch',
        'The same finding records as indexed by the elasticsearch exporter (mapping mode otel). Point the datasource at logs-tracehound.finding.otel-*.',
        ds('elasticsearch'),
        24,
        10,
      )
        .withTarget(
          new EsQuery()
            .datasource(ds('elasticsearch'))
            .query(
              'attributes.event.name:"tracehound.finding" AND attributes.event.risk_score:>=$threshold AND resource.attributes.service.name:/$service/',
            )
            .timeField('@timestamp')
            .metrics([rawData('1', '500')]),
        )
        .withTransformation({
          id: 'organize',
          options: {
            includeByName: {
              '@timestamp': true,
              'resource.attributes.service.name': true,
              'attributes.tracehound.severity': true,
              'attributes.event.risk_score': true,
              'attributes.rule.id': true,
              'attributes.rule.name': true,
              'attributes.tracehound.channel': true,
              'attributes.session.id': true,
              'attributes.user.id': true,
              'attributes.trace.id': true,
            },
          },
        })
        .overrideByName('attributes.trace.id', [traceLink('${__value.raw}')]),
    )
    .build();
  return finalize(d);
}
