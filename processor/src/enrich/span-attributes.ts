import type { Attributes } from '@tracehound/core';
import type { SpanRisk } from '../score/scorer.js';

/** The tracehound.* attributes added to a span the engine analysed (telemetry/fields.ts, on: span). */
export function riskAttributes(risk: SpanRisk, findingCount: number, dialect: string): Attributes {
  const attrs: Attributes = {
    'tracehound.risk.score': risk.score,
    'tracehound.risk.severity': risk.severity,
    'tracehound.finding.rules': risk.rules,
    'tracehound.finding.categories': risk.categories,
    'tracehound.finding.count': findingCount,
    'tracehound.dialect': dialect,
  };
  if (risk.partial) attrs['tracehound.scan.partial'] = true;
  if (risk.refused) attrs['tracehound.response.refused'] = true;
  return attrs;
}
