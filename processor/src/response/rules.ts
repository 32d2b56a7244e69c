import type { RuleMeta } from '@tracehound/core';
import type { ActionType } from './config.js';

/**
 * Rules of the automated decisions themselves: every action the ActionEngine takes (or would take, in shadow mode)
 * is a finding of one of these, so the SIEM sees and audits every automated decision.
 */
export const RSP = {
  block: 'TH-RSP-001',
  throttle: 'TH-RSP-002',
  alert: 'TH-RSP-003',
} as const;

const common = {
  category: 'response_action' as const,
  owasp: [] as string[],
  atlas: [] as string[],
  channels: ['prompt' as const, 'output' as const, 'tool_call' as const],
};

export const responseRules: readonly RuleMeta[] = [
  {
    ...common,
    id: RSP.block,
    name: 'Automated block',
    severity: 'high',
    description:
      'An action rule blocked a session, user, API key or tool for its TTL (or would have, in shadow mode) after the findings named in the details.',
    example: 'Session s-77a1 blocked for 900 s after TH-BEH-001 (repeated injection attempts).',
    falsePositives:
      'Inherits the false positives of the triggering rule; red-team sessions. Check the triggering finding, then lift with a suppression.',
  },
  {
    ...common,
    id: RSP.throttle,
    name: 'Automated throttle',
    severity: 'medium',
    description:
      'An action rule throttled a session, user, API key or tool for its TTL (or would have, in shadow mode).',
    example: 'API key fingerprint k-3f2a throttled for 900 s after TH-BEH-030 (token spend spike).',
    falsePositives: 'Legitimate bursts (batch jobs, launches) that the triggering rule mistook for abuse.',
  },
  {
    ...common,
    id: RSP.alert,
    name: 'Automated alert escalation',
    severity: 'medium',
    description:
      'An action rule escalated findings of a target to the notification channels (webhooks) without blocking.',
    example: 'Alert on user u-12 after a secret leak in a tool argument.',
    falsePositives: 'Inherits the false positives of the triggering rule.',
  },
];

export const ACTION_RULE: Record<Exclude<ActionType, 'none'>, RuleMeta> = {
  block: responseRules[0],
  throttle: responseRules[1],
  alert: responseRules[2],
};
