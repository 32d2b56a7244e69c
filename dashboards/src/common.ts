/**
 * Building blocks shared by the three dashboards: datasource references that point at datasource template variables
 * (never a hard-coded UID, so the JSON imports into any Grafana), the standard variables, and small panel factories
 * that set the datasource and refId on every target (the drift and query tests read them back from the JSON).
 */
import type * as cog from '@grafana/grafana-foundation-sdk/cog';
import {
  BigValueGraphMode,
  LegendDisplayMode,
  LegendPlacement,
  ReduceDataOptionsBuilder,
  StackingConfigBuilder,
  StackingMode,
  VizLegendOptionsBuilder,
} from '@grafana/grafana-foundation-sdk/common';
import type { DataSourceRef } from '@grafana/grafana-foundation-sdk/common';
import {
  CustomVariableBuilder,
  DashboardBuilder,
  DashboardCursorSync,
  DashboardLinkBuilder,
  DashboardLinkType,
  DatasourceVariableBuilder,
  QueryVariableBuilder,
  VariableRefresh,
  VariableSort,
  type Dashboard,
  type Panel,
  type RowPanel,
} from '@grafana/grafana-foundation-sdk/dashboard';
import { PanelBuilder as BarGaugePanel } from '@grafana/grafana-foundation-sdk/bargauge';
import { DataqueryBuilder as PromQuery, PromQueryFormat } from '@grafana/grafana-foundation-sdk/prometheus';
import { PanelBuilder as StatPanel } from '@grafana/grafana-foundation-sdk/stat';
import { PanelBuilder as TablePanel } from '@grafana/grafana-foundation-sdk/table';
import { PanelBuilder as TimeseriesPanel } from '@grafana/grafana-foundation-sdk/timeseries';

export type DatasourceKind = 'prometheus' | 'tempo' | 'loki' | 'elasticsearch';

/** A reference to the datasource chosen in the dashboard's `${kind}` variable. */
/** What every Tracehound dashboard shares: tags, crosshair tooltips, its time range and the link to its siblings. */
export function tracehoundDashboard(title: string, uid: string, description: string, from: string): DashboardBuilder {
  return new DashboardBuilder(title)
    .uid(uid)
    .description(description)
    .tags(['tracehound', 'llm-security'])
    .editable()
    .tooltip(DashboardCursorSync.Crosshair)
    .time({ from, to: 'now' })
    .link(
      new DashboardLinkBuilder('Tracehound')
        .type(DashboardLinkType.Dashboards)
        .tags(['tracehound'])
        .asDropdown(true)
        .keepTime(true),
    );
}

export function ds(kind: DatasourceKind): DataSourceRef {
  return { type: kind, uid: `\${${kind}}` };
}

export function datasourceVariable(kind: DatasourceKind, label: string): DatasourceVariableBuilder {
  return new DatasourceVariableBuilder(kind).label(label).type(kind);
}

/** A Prometheus label_values variable, multi-select with "All" meaning any value (regex `.*`). */
export function labelVariable(name: string, label: string, metric: string): QueryVariableBuilder {
  return new QueryVariableBuilder(name)
    .label(label)
    .datasource(ds('prometheus'))
    .query({ query: `label_values(${metric}, ${name})`, refId: 'PrometheusVariableQueryEditor-VariableQuery' })
    .definition(`label_values(${metric}, ${name})`)
    .refresh(VariableRefresh.OnTimeRangeChanged)
    .sort(VariableSort.AlphabeticalAsc)
    .multi(true)
    .includeAll(true)
    .allValue('.*')
    .current({ selected: true, text: 'All', value: '$__all' });
}

export function customVariable(name: string, label: string, values: string[], current: string): CustomVariableBuilder {
  return new CustomVariableBuilder(name)
    .label(label)
    .values(values.join(','))
    .current({ selected: true, text: current, value: current });
}

/** One PromQL target. `legend` uses Grafana's {{label}} syntax. */
export function prom(expr: string, legend = '', opts: { instant?: boolean; format?: PromQueryFormat } = {}): PromQuery {
  const q = new PromQuery()
    .datasource(ds('prometheus'))
    .expr(expr)
    .legendFormat(legend || '__auto');
  if (opts.instant) q.instant();
  else q.range();
  if (opts.format) q.format(opts.format);
  return q;
}

const legend = () =>
  new VizLegendOptionsBuilder()
    .showLegend(true)
    .displayMode(LegendDisplayMode.List)
    .placement(LegendPlacement.Bottom)
    .calcs([]);

export interface Layout {
  w: number;
  h: number;
}

export function timeseries(
  title: string,
  description: string,
  targets: cog.Builder<unknown>[],
  unit: string,
  layout: Layout,
  stacked = false,
): TimeseriesPanel {
  const p = new TimeseriesPanel()
    .title(title)
    .description(description)
    .datasource(ds('prometheus'))
    .unit(unit)
    .span(layout.w)
    .height(layout.h)
    .legend(legend());
  if (stacked) p.stacking(new StackingConfigBuilder().mode(StackingMode.Normal)).fillOpacity(30);
  for (const t of targets) p.withTarget(t as never);
  return p;
}

export function stat(
  title: string,
  description: string,
  target: cog.Builder<unknown>,
  unit: string,
  layout: Layout,
): StatPanel {
  return new StatPanel()
    .title(title)
    .description(description)
    .datasource(ds('prometheus'))
    .unit(unit)
    .span(layout.w)
    .height(layout.h)
    .graphMode(BigValueGraphMode.Area)
    .reduceOptions(new ReduceDataOptionsBuilder().calcs(['lastNotNull']))
    .withTarget(target as never);
}

export function bargauge(
  title: string,
  description: string,
  target: cog.Builder<unknown>,
  unit: string,
  layout: Layout,
): BarGaugePanel {
  return new BarGaugePanel()
    .title(title)
    .description(description)
    .datasource(ds('prometheus'))
    .unit(unit)
    .span(layout.w)
    .height(layout.h)
    .reduceOptions(new ReduceDataOptionsBuilder().calcs(['lastNotNull']))
    .withTarget(target as never);
}

export function promTable(
  title: string,
  description: string,
  target: cog.Builder<unknown>,
  layout: Layout,
): TablePanel {
  return new TablePanel()
    .title(title)
    .description(description)
    .datasource(ds('prometheus'))
    .span(layout.w)
    .height(layout.h)
    .withTarget(target as never)
    .withTransformation({ id: 'organize', options: { excludeByName: { Time: true } } });
}

/**
 * Gives every panel a stable id and every target a refId (A, B, ...) in build order, and every target the datasource
 * of its panel when it has none: the SDK leaves both unset, and Grafana's import, provisioning and "Explore" need them.
 */
export function finalize(d: Dashboard): Dashboard {
  let id = 0;
  const visit = (p: Panel | RowPanel): void => {
    p.id = ++id;
    if (p.type === 'row') {
      for (const child of (p as RowPanel).panels ?? []) visit(child);
      return;
    }
    const panel = p as Panel;
    (panel.targets ?? []).forEach((t, i) => {
      const target = t as { refId?: string; datasource?: DataSourceRef };
      target.refId ??= String.fromCharCode(65 + i);
      target.datasource ??= panel.datasource;
    });
  };
  for (const p of d.panels ?? []) visit(p);
  return d;
}
