import type { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Signal } from '../otlp/signal.js';
import { getOrCreateCounter, getOrCreateGauge, getOrCreateHistogram } from './registry.js';

/**
 * Collector-style transport metrics (names follow the Collector's receiver/exporter/processor families so existing
 * dashboards read naturally). Item counts: spans, log_records, or metric requests for the pass-through signal.
 */
export interface TransportMetrics {
  accepted: Record<Signal, Counter<'transport'>>;
  refused: Record<Signal, Counter<'transport' | 'reason'>>;
  sent: Record<Signal, Counter<never>>;
  sendFailed: Record<Signal, Counter<'reason'>>;
  requests: Counter<'transport' | 'signal' | 'code'>;
  processorDuration: Histogram<'signal'>;
  stageErrors: Counter<'stage' | 'signal'>;
  inflightBytes: Gauge<never>;
  inflightBytesPeak: Gauge<never>;
  emittedLogs: Counter<never>;
  findingsQueue: { queued: Gauge<never>; forwarded: Counter<never>; dropped: Counter<'reason'> };
}

const ITEM: Record<Signal, string> = { traces: 'spans', logs: 'log_records', metrics: 'metric_requests' };

export function createTransportMetrics(registry: Registry): TransportMetrics {
  const per = <T>(make: (signal: Signal, item: string) => T): Record<Signal, T> => ({
    traces: make('traces', ITEM.traces),
    logs: make('logs', ITEM.logs),
    metrics: make('metrics', ITEM.metrics),
  });
  return {
    accepted: per((_s, item) =>
      getOrCreateCounter(registry, {
        name: `tracehound_receiver_accepted_${item}_total`,
        help: `Number of ${item} successfully pushed through the pipeline and acknowledged.`,
        labelNames: ['transport'],
      }),
    ),
    refused: per((_s, item) =>
      getOrCreateCounter(registry, {
        name: `tracehound_receiver_refused_${item}_total`,
        help: `Number of ${item} that could not be accepted (invalid, or the next hop failed).`,
        labelNames: ['transport', 'reason'],
      }),
    ),
    sent: per((_s, item) =>
      getOrCreateCounter(registry, {
        name: `tracehound_exporter_sent_${item}_total`,
        help: `Number of ${item} the next hop accepted.`,
      }),
    ),
    sendFailed: per((_s, item) =>
      getOrCreateCounter(registry, {
        name: `tracehound_exporter_send_failed_${item}_total`,
        help: `Number of ${item} the next hop did not accept.`,
        labelNames: ['reason'],
      }),
    ),
    requests: getOrCreateCounter(registry, {
      name: 'tracehound_receiver_requests_total',
      help: 'Export requests answered, by transport, signal and Tracehound result code (OK or a catalogue code).',
      labelNames: ['transport', 'signal', 'code'],
    }),
    processorDuration: getOrCreateHistogram(registry, {
      name: 'tracehound_processor_duration_seconds',
      help: 'Time spent running the pipeline stages on one batch.',
      labelNames: ['signal'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    }),
    stageErrors: getOrCreateCounter(registry, {
      name: 'tracehound_stage_errors_total',
      help: 'Pipeline stage calls that threw; the batch was forwarded without that stage’s edits.',
      labelNames: ['stage', 'signal'],
    }),
    inflightBytes: getOrCreateGauge(registry, {
      name: 'tracehound_inflight_bytes',
      help: 'Bytes of requests currently held by the receivers (compressed and decompressed).',
    }),
    inflightBytesPeak: getOrCreateGauge(registry, {
      name: 'tracehound_inflight_bytes_peak',
      help: 'Highest tracehound_inflight_bytes since start: how much of server.maxInFlightBytes the load needed.',
    }),
    emittedLogs: getOrCreateCounter(registry, {
      name: 'tracehound_emitted_log_records_total',
      help: 'Log records emitted by pipeline stages (findings) for acknowledged batches, queued for the next hop.',
    }),
    findingsQueue: {
      queued: getOrCreateGauge(registry, {
        name: 'tracehound_findings_forward_queue_records',
        help: 'Finding log records waiting to be delivered to the next hop (bounded by findings.forwardQueueSize).',
      }),
      forwarded: getOrCreateCounter(registry, {
        name: 'tracehound_findings_forwarded_total',
        help: 'Finding log records the next hop accepted.',
      }),
      dropped: getOrCreateCounter(registry, {
        name: 'tracehound_findings_forward_dropped_total',
        help: 'Finding log records dropped before the next hop accepted them (reason: queue_full|rejected|expired|shutdown).',
        labelNames: ['reason'],
      }),
    },
  };
}
