import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CONTENT_ROOT } from '../src/catalog.js';
import { SPLUNK_SOURCETYPE } from '../src/fields.js';
import { FINDING_EVENT_NAME } from '@tracehound/core';
import { findingAttributes } from '@tracehound/processor';

const cfg = parse(readFileSync(join(CONTENT_ROOT, '..', 'otel-collector.yaml'), 'utf8')) as Record<string, any>;

describe('the Collector settings the rules assume (otel-collector.yaml)', () => {
  it('elasticsearch uses mapping mode otel and dynamic data stream routing', () => {
    const es = cfg.exporters.elasticsearch;
    expect(es.mapping.mode).toBe('otel');
    expect(es.logs_index).toBeUndefined();
    expect(cfg.service.pipelines['logs/out'].exporters).toContain('elasticsearch');
  });

  it('finding records route themselves to the tracehound.finding data stream', () => {
    const a = findingAttributes({
      id: 'x',
      timeUnixNano: 1n,
      rule: { id: 'R', name: 'n', category: 'prompt_injection', owasp: [], atlas: [] },
      severity: 'low',
      score: 1,
      confidence: 1,
      channel: 'prompt',
      evidence: '',
      traceId: '',
      spanId: '',
      context: {},
    });
    expect(a['data_stream.dataset']).toBe(FINDING_EVENT_NAME);
  });

  it('splunk_hec receives finding records with the sourcetype the app searches', () => {
    expect(cfg.exporters.splunk_hec).toBeDefined();
    expect(cfg.service.pipelines['logs/out'].exporters).toContain('splunk_hec');
    const statements: string[] = cfg.processors['transform/findings'].log_statements.flatMap(
      (s: { statements: string[] }) => s.statements,
    );
    expect(statements).toContain(`set(log.attributes["com.splunk.sourcetype"], "${SPLUNK_SOURCETYPE}")`);
    expect(cfg.service.pipelines['logs/out'].processors).toContain('transform/findings');
  });
});
