/**
 * (a) LLM security overview: inference volume, tokens and cost, refusals, tool invocations, authentication failures,
 * findings, risk-score distribution and deviation from the learned baseline. Prometheus only (the processor's
 * /metrics). The baseline is the trailing day's average rate (`rate(x[1d])`): no recording rules needed, and the ratio
 * observed/baseline is the first signal an analyst reads.
 */
import { RowBuilder, type Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { PromQueryFormat } from '@grafana/grafana-foundation-sdk/prometheus';
import {
  bargauge,
  datasourceVariable,
  finalize,
  labelVariable,
  prom,
  promTable,
  stat,
  timeseries,
  tracehoundDashboard,
} from './common.js';

export const OVERVIEW_UID = 'tracehound-overview';
export const BASELINE = '1d';
const R = '$__rate_interval';
const SVC = 'service=~"$service"';

const third = { w: 8, h: 8 };
const half = { w: 12, h: 8 };
const quarter = { w: 6, h: 5 };

export function overviewDashboard(): Dashboard {
  const d = tracehoundDashboard(
    'Tracehound · LLM security overview',
    OVERVIEW_UID,
    'Findings, inference volume, tokens and cost, refusals, tool use, authentication and baseline deviation from the Tracehound processor metrics.',
    'now-6h',
  )
    .refresh('1m')
    .withVariable(datasourceVariable('prometheus', 'Prometheus'))
    .withVariable(labelVariable('service', 'Service', 'tracehound_llm_calls_total'))

    .withRow(new RowBuilder('Findings'))
    .withPanel(
      stat(
        'Findings',
        'Findings emitted in the time range (all services).',
        prom('sum(increase(tracehound_findings_total[$__range]))', 'findings', { instant: true }),
        'short',
        quarter,
      ),
    )
    .withPanel(
      stat(
        'Critical findings',
        'Critical findings in the time range: exfiltration, privilege escalation, tampering.',
        prom('sum(increase(tracehound_findings_total{severity="critical"}[$__range]))', 'critical', { instant: true }),
        'short',
        quarter,
      ),
    )
    .withPanel(
      stat(
        'Finding rate vs baseline',
        `Findings per second now, divided by the trailing ${BASELINE} average. 1 = usual; the alert rule fires at 3.`,
        prom(
          `sum(rate(tracehound_findings_total[${R}])) / sum(rate(tracehound_findings_total[${BASELINE}]))`,
          'ratio',
          { instant: true },
        ),
        'x',
        quarter,
      ),
    )
    .withPanel(
      stat(
        'Active sessions',
        'Distinct sessions seen in the last 5 minutes, summed over replicas (sessions are routed to one replica).',
        prom('sum(tracehound_active_entities{entity="session"})', 'sessions', { instant: true }),
        'short',
        quarter,
      ),
    )
    .withPanel(
      timeseries(
        'Findings by severity',
        'Findings per second by severity.',
        [prom(`sum by (severity) (rate(tracehound_findings_total[${R}]))`, '{{severity}}')],
        'ops',
        third,
        true,
      ),
    )
    .withPanel(
      timeseries(
        'Findings by category',
        'Findings per second by category (prompt_injection, data_exfiltration, ...).',
        [prom(`sum by (category) (rate(tracehound_findings_total[${R}]))`, '{{category}}')],
        'ops',
        third,
        true,
      ),
    )
    .withPanel(
      timeseries(
        'Findings by service',
        'Findings per second by the service that produced the span, and severity.',
        [
          prom(
            `sum by (service, severity) (rate(tracehound_service_findings_total{${SVC}}[${R}]))`,
            '{{service}} {{severity}}',
          ),
        ],
        'ops',
        third,
        true,
      ),
    )
    .withPanel(
      promTable(
        'Top rules',
        'The rules that fired most in the time range.',
        prom('topk(15, sum by (rule, category, severity) (increase(tracehound_findings_total[$__range])))', '', {
          instant: true,
          format: PromQueryFormat.Table,
        }),
        half,
      ),
    )
    .withPanel(
      timeseries(
        'Behavioral patterns',
        'Stateful detections (repeated attempts, refusal clusters, spend spikes, campaigns, drift) per second by rule.',
        [prom(`sum by (rule) (rate(tracehound_behavior_patterns_total[${R}]))`, '{{rule}}')],
        'ops',
        half,
      ),
    )

    .withRow(new RowBuilder('Inference'))
    .withPanel(
      timeseries(
        'LLM calls by service and model',
        'Inference requests per second.',
        [prom(`sum by (service, model) (rate(tracehound_llm_calls_total{${SVC}}[${R}]))`, '{{service}} · {{model}}')],
        'reqps',
        third,
      ),
    )
    .withPanel(
      timeseries(
        'Tokens by service',
        'Tokens per second by direction.',
        [
          prom(
            `sum by (service, direction) (rate(tracehound_llm_tokens_total{${SVC}}[${R}]))`,
            '{{service}} {{direction}}',
          ),
        ],
        'short',
        third,
        true,
      ),
    )
    .withPanel(
      bargauge(
        'Cost in range',
        'USD reported by the instrumentation (gen_ai.usage.cost) in the time range.',
        prom(
          `sum by (service, model) (increase(tracehound_llm_cost_usd_total{${SVC}}[$__range]))`,
          '{{service}} · {{model}}',
          { instant: true },
        ),
        'currencyUSD',
        third,
      ),
    )
    .withPanel(
      timeseries(
        'Refusal rate by model',
        'Share of LLM answers that were refusals.',
        [
          prom(
            `sum by (model) (rate(tracehound_llm_refusals_total{${SVC}}[${R}])) / sum by (model) (rate(tracehound_llm_calls_total{${SVC}}[${R}]))`,
            '{{model}}',
          ),
        ],
        'percentunit',
        third,
      ),
    )
    .withPanel(
      timeseries(
        'Active sessions, users and API keys',
        'Distinct entities seen in the last 5 minutes (counts only; ids are never labels).',
        [prom('sum by (entity) (tracehound_active_entities)', '{{entity}}')],
        'short',
        third,
      ),
    )
    .withPanel(
      timeseries(
        'Token spend vs baseline',
        `Tokens per second now divided by the trailing ${BASELINE} average, per service. The spend-spike alert fires at 3.`,
        [
          prom(
            `sum by (service) (rate(tracehound_llm_tokens_total{${SVC}}[${R}])) / sum by (service) (rate(tracehound_llm_tokens_total{${SVC}}[${BASELINE}]))`,
            '{{service}}',
          ),
        ],
        'x',
        third,
      ),
    )

    .withRow(new RowBuilder('Tools and authentication'))
    .withPanel(
      timeseries(
        'Tool invocations',
        'Tool executions per second by tool, target host and the app\u2019s decision.',
        [
          prom(
            `sum by (tool, target_host, decision) (rate(tracehound_tool_invocations_total[${R}]))`,
            '{{tool}} → {{target_host}} ({{decision}})',
          ),
        ],
        'ops',
        half,
      ),
    )
    .withPanel(
      promTable(
        'Denied tool calls',
        'Tool calls the app denied in the time range, by tool and target host.',
        prom(
          'sum by (tool, target_host) (increase(tracehound_tool_invocations_total{decision="denied"}[$__range]))',
          '',
          { instant: true, format: PromQueryFormat.Table },
        ),
        half,
      ),
    )
    .withPanel(
      timeseries(
        'Authentication outcomes',
        'Authentication events per second by outcome.',
        [prom(`sum by (outcome) (rate(tracehound_auth_events_total[${R}]))`, '{{outcome}}')],
        'ops',
        half,
      ),
    )
    .withPanel(
      timeseries(
        'Authentication failure ratio',
        'Failures over all authentication events.',
        [
          prom(
            `sum(rate(tracehound_auth_events_total{outcome="failure"}[${R}])) / sum(rate(tracehound_auth_events_total[${R}]))`,
            'failure ratio',
          ),
        ],
        'percentunit',
        half,
      ),
    )

    .withRow(new RowBuilder('Output handling and API abuse'))
    .withPanel(
      timeseries(
        'Insecure output handling by rule',
        'Model output carrying executable payloads per second: active HTML or script, exfiltration images, shell and SQL payloads in tool arguments (TH-OUT-*).',
        [prom(`sum by (rule) (rate(tracehound_findings_total{category="insecure_output"}[${R}]))`, '{{rule}}')],
        'ops',
        half,
      ),
    )
    .withPanel(
      timeseries(
        'API abuse and guardrails',
        'Reconnaissance, validation-error probing, model extraction and missing or bypassed guardrails per second, by category.',
        [
          prom(
            `sum by (category) (rate(tracehound_findings_total{category=~"reconnaissance|api_probing|model_extraction|missing_guardrail"}[${R}]))`,
            '{{category}}',
          ),
        ],
        'ops',
        half,
      ),
    )

    .withRow(new RowBuilder('Risk'))
    .withPanel(
      bargauge(
        'Risk-score distribution',
        'Analysed spans per risk-score bucket in the time range (0 = nothing found).',
        prom(`sum by (le) (increase(tracehound_span_risk_score_bucket{${SVC}}[$__range]))`, '{{le}}', {
          instant: true,
          format: PromQueryFormat.Heatmap,
        }),
        'short',
        half,
      ),
    )
    .withPanel(
      timeseries(
        'Risk score p95 by service',
        '95th percentile risk score of analysed spans.',
        [
          prom(
            `histogram_quantile(0.95, sum by (service, le) (rate(tracehound_span_risk_score_bucket{${SVC}}[${R}])))`,
            '{{service}}',
          ),
        ],
        'short',
        half,
      ),
    )
    .build();
  return finalize(d);
}
