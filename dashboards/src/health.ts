/**
 * (c) Detector health and drift: throughput, drops and refusals, next-hop failures, processing latency, stage and
 * parse errors, behavioral state fill and evictions, and drift (observed against the trailing-day baseline) of output
 * length, refusal rate, token spend and finding rate.
 */
import { RowBuilder, type Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { datasourceVariable, finalize, labelVariable, prom, timeseries, tracehoundDashboard } from './common.js';
import { BASELINE } from './overview.js';

export const HEALTH_UID = 'tracehound-health';
const R = '$__rate_interval';
const I = 'instance=~"$instance"';

const third = { w: 8, h: 8 };
const half = { w: 12, h: 8 };

export function healthDashboard(): Dashboard {
  const d = tracehoundDashboard(
    'Tracehound · Detector health and drift',
    HEALTH_UID,
    'Is the processor keeping up, dropping or refusing data, failing to forward, or drifting from its baselines?',
    'now-6h',
  )
    .refresh('1m')
    .withVariable(datasourceVariable('prometheus', 'Prometheus'))
    .withVariable(labelVariable('instance', 'Replica', 'tracehound_receiver_requests_total'))

    .withRow(new RowBuilder('Throughput, drops and refusals'))
    .withPanel(
      timeseries(
        'Accepted items',
        'Spans and log records acknowledged upstream (after the next hop accepted them).',
        [
          prom(
            `sum by (transport) (rate(tracehound_receiver_accepted_spans_total{${I}}[${R}]))`,
            'spans {{transport}}',
          ),
          prom(
            `sum by (transport) (rate(tracehound_receiver_accepted_log_records_total{${I}}[${R}]))`,
            'log records {{transport}}',
          ),
        ],
        'ops',
        third,
      ),
    )
    .withPanel(
      timeseries(
        'Refused spans',
        'Spans answered with an error (invalid data, or 429/503 while the next hop failed); the upstream Collector retries these.',
        [prom(`sum by (reason) (rate(tracehound_receiver_refused_spans_total{${I}}[${R}]))`, '{{reason}}')],
        'ops',
        third,
        true,
      ),
    )
    .withPanel(
      timeseries(
        'Requests by result',
        'Export requests per second by signal and Tracehound result code (OK or a catalogue code).',
        [prom(`sum by (signal, code) (rate(tracehound_receiver_requests_total{${I}}[${R}]))`, '{{signal}} {{code}}')],
        'reqps',
        third,
      ),
    )
    .withPanel(
      timeseries(
        'Next hop: sent and failed',
        'Spans the next hop accepted, and failures by reason.',
        [
          prom(`sum(rate(tracehound_exporter_sent_spans_total{${I}}[${R}]))`, 'sent'),
          prom(`sum by (reason) (rate(tracehound_exporter_send_failed_spans_total{${I}}[${R}]))`, 'failed {{reason}}'),
        ],
        'ops',
        third,
      ),
    )
    .withPanel(
      timeseries(
        'Next hop failure ratio',
        'Failed over attempted span sends; the next-hop alert fires at 5 %.',
        [
          prom(
            `sum(rate(tracehound_exporter_send_failed_spans_total{${I}}[${R}])) / (sum(rate(tracehound_exporter_sent_spans_total{${I}}[${R}])) + sum(rate(tracehound_exporter_send_failed_spans_total{${I}}[${R}])))`,
            'failure ratio',
          ),
        ],
        'percentunit',
        third,
      ),
    )
    .withPanel(
      timeseries(
        'Findings emitted as log records',
        'Finding log records queued for the next hop, and findings dropped by analysts\u2019 suppressions.',
        [
          prom(`sum(rate(tracehound_emitted_log_records_total{${I}}[${R}]))`, 'emitted'),
          prom(`sum(rate(tracehound_findings_suppressed_total{${I}}[${R}]))`, 'suppressed'),
        ],
        'ops',
        third,
      ),
    )

    .withRow(new RowBuilder('Latency, pressure and errors'))
    .withPanel(
      timeseries(
        'Processing latency',
        'Time spent in the pipeline stages (normalize, detect, score, enrich) per batch.',
        [
          prom(
            `histogram_quantile(0.5, sum by (le) (rate(tracehound_processor_duration_seconds_bucket{${I}, signal="traces"}[${R}])))`,
            'p50',
          ),
          prom(
            `histogram_quantile(0.95, sum by (le) (rate(tracehound_processor_duration_seconds_bucket{${I}, signal="traces"}[${R}])))`,
            'p95',
          ),
          prom(
            `histogram_quantile(0.99, sum by (le) (rate(tracehound_processor_duration_seconds_bucket{${I}, signal="traces"}[${R}])))`,
            'p99',
          ),
        ],
        's',
        third,
      ),
    )
    .withPanel(
      timeseries(
        'In-flight bytes',
        'Request bytes held by the receivers; at server.maxInFlightBytes new requests get 429.',
        [prom(`sum by (instance) (tracehound_inflight_bytes{${I}})`, '{{instance}}')],
        'bytes',
        third,
      ),
    )
    .withPanel(
      timeseries(
        'Spans analysed',
        'LLM, tool, retrieval and auth spans analysed, by dialect and kind.',
        [prom(`sum by (dialect, kind) (rate(tracehound_spans_analysed_total{${I}}[${R}]))`, '{{dialect}} {{kind}}')],
        'ops',
        third,
        true,
      ),
    )
    .withPanel(
      timeseries(
        'Stage errors',
        'Pipeline stage calls that threw (the batch was forwarded without that stage\u2019s edits).',
        [prom(`sum by (stage, signal) (rate(tracehound_stage_errors_total{${I}}[${R}]))`, '{{stage}} {{signal}}')],
        'ops',
        third,
      ),
    )
    .withPanel(
      timeseries(
        'Parse errors',
        'Content attributes that could not be parsed (malformed or truncated JSON); detection ran on what was recovered.',
        [prom(`sum(rate(tracehound_normalize_parse_errors_total{${I}}[${R}]))`, 'parse errors')],
        'ops',
        third,
      ),
    )
    // An absent error counter means no error yet: "or vector(0)" shows 0 instead of "No data".
    .withPanel(
      timeseries(
        'Behavioral detector errors',
        'Behavioral detector failures on one input (the other detectors still ran).',
        [prom(`sum(rate(tracehound_behavior_errors_total{${I}}[${R}])) or vector(0)`, 'errors')],
        'ops',
        third,
      ),
    )

    .withRow(new RowBuilder('Behavioral state'))
    .withPanel(
      timeseries(
        'State fill by store',
        'Entries over the cap per state store; at 100 % the store evicts its least recently used entries.',
        [
          prom(
            `max by (store) (tracehound_behavior_state_entries{${I}} / tracehound_behavior_state_capacity{${I}})`,
            '{{store}}',
          ),
        ],
        'percentunit',
        third,
      ),
    )
    .withPanel(
      timeseries(
        'State entries',
        'Entries held per store.',
        [prom(`sum by (store) (tracehound_behavior_state_entries{${I}})`, '{{store}}')],
        'short',
        third,
      ),
    )
    .withPanel(
      timeseries(
        'Evictions',
        'Entries evicted per second by store and reason (lru = memory cap reached, ttl = idle).',
        [
          prom(
            `sum by (store, reason) (rate(tracehound_behavior_evictions_total{${I}}[${R}]))`,
            '{{store}} {{reason}}',
          ),
        ],
        'ops',
        third,
      ),
    )

    .withRow(new RowBuilder(`Drift: observed vs ${BASELINE} baseline`))
    .withPanel(
      timeseries(
        'Output length p50 by model',
        `Median output tokens per call now, and over the trailing ${BASELINE}.`,
        [
          prom(
            `histogram_quantile(0.5, sum by (model, le) (rate(tracehound_llm_output_tokens_bucket{${I}}[${R}])))`,
            '{{model}} observed',
          ),
          prom(
            `histogram_quantile(0.5, sum by (model, le) (rate(tracehound_llm_output_tokens_bucket{${I}}[${BASELINE}])))`,
            '{{model}} baseline',
          ),
        ],
        'short',
        half,
      ),
    )
    .withPanel(
      timeseries(
        'Refusal rate by model',
        `Share of refusals now, and over the trailing ${BASELINE}.`,
        [
          prom(
            `sum by (model) (rate(tracehound_llm_refusals_total{${I}}[${R}])) / sum by (model) (rate(tracehound_llm_calls_total{${I}}[${R}]))`,
            '{{model}} observed',
          ),
          prom(
            `sum by (model) (rate(tracehound_llm_refusals_total{${I}}[${BASELINE}])) / sum by (model) (rate(tracehound_llm_calls_total{${I}}[${BASELINE}]))`,
            '{{model}} baseline',
          ),
        ],
        'percentunit',
        half,
      ),
    )
    .withPanel(
      timeseries(
        'Token spend by service',
        `Tokens per second now, and the trailing ${BASELINE} average.`,
        [
          prom(`sum by (service) (rate(tracehound_llm_tokens_total{${I}}[${R}]))`, '{{service}} observed'),
          prom(`sum by (service) (rate(tracehound_llm_tokens_total{${I}}[${BASELINE}]))`, '{{service}} baseline'),
        ],
        'short',
        half,
      ),
    )
    .withPanel(
      timeseries(
        'Finding rate by category',
        `Findings per second now, and the trailing ${BASELINE} average.`,
        [
          prom(`sum by (category) (rate(tracehound_findings_total{${I}}[${R}]))`, '{{category}} observed'),
          prom(`sum by (category) (rate(tracehound_findings_total{${I}}[${BASELINE}]))`, '{{category}} baseline'),
        ],
        'ops',
        half,
      ),
    )
    .build();
  return finalize(d);
}
