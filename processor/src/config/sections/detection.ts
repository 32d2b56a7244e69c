import { DetectionConfigSchema, detectionDefaults, type DetectionConfig } from '../../detect/config.js';
import { isPhoneRegion } from '@tracehound/core/privacy';
import { defineSection, issue, unknownRuleIssue, type CheckContext, type SectionIssue } from '../../config-section.js';

function checkDetection(d: DetectionConfig, ctx: CheckContext): SectionIssue[] {
  const issues: SectionIssue[] = [];
  for (const id of Object.keys(d.rules)) {
    const issue = unknownRuleIssue(id, ['rules', id], ctx);
    if (issue) issues.push(issue);
  }
  d.suppressions.forEach((s, i) => {
    const issue = unknownRuleIssue(s.rule, ['suppressions', String(i), 'rule'], ctx, true);
    if (issue) issues.push(issue);
  });
  const regions = (d.detectors.pii as { phoneRegions?: unknown[] } | undefined)?.phoneRegions ?? [];
  regions.forEach((r, i) => {
    if (typeof r === 'string' && !isPhoneRegion(r))
      issues.push(
        issue.value(['detectors', 'pii', 'phoneRegions', String(i)], `${r} is not a region with phone-number metadata`),
      );
  });
  const seen = new Set<string>();
  d.suppressions.forEach((s, i) => {
    if (seen.has(s.id))
      issues.push(issue.conflict(['suppressions', String(i), 'id'], `duplicate suppression id ${s.id}`));
    seen.add(s.id);
  });
  return issues;
}

export const detectionSection = defineSection({
  key: 'detection',
  defaults: detectionDefaults,
  // Canary tokens only work while attackers do not know them: never print them.
  secrets: ['canaries', 'canaries.*'],
  check: checkDetection,
  schema: DetectionConfigSchema,
});
