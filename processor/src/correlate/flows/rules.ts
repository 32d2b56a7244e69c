import type { RuleMeta } from '@tracehound/core';

/** Rule ids of agent flow detection (stable: SIEM rules, playbooks and response actions refer to them). */
export const FLOW = {
  trifecta: 'TH-FLOW-001',
  carriedOut: 'TH-FLOW-002',
  taskTool: 'TH-FLOW-010',
  taskData: 'TH-FLOW-011',
  taskEgress: 'TH-FLOW-012',
  deniedExecuted: 'TH-FLOW-020',
} as const;

const LLM06 = 'LLM06:2025';
const LLM02 = 'LLM02:2025';
const LLM01 = 'LLM01:2025';

export const flowRules: readonly RuleMeta[] = [
  {
    id: FLOW.trifecta,
    name: 'Agent read private data, ingested untrusted content and then acted outbound in one trace',
    category: 'unsafe_agent_flow',
    severity: 'critical',
    description:
      'Within one trace (or one session), an agent read private data, took in untrusted content (a web page, an e-mail, a low-trust document) and then performed an outbound action (send, post, upload, or a call to a host outside the egress allowlist). Each step may be permitted alone; together they are how injected content turns an agent into an exfiltration channel. The details list the steps in order (span ids, tool names, why each counted) and whether the outbound action carried values of the private data.',
    example:
      'get_customer (CRM record) → fetch_url (a page with hidden instructions) → http_post to collect.unlisted.example.',
    falsePositives:
      'Agents designed to combine these steps for the user (a support agent that e-mails a customer their own record after a web search): declare the task scope, list the host in flows.egressAllowlist, or suppress for the workload.',
    owasp: [LLM06, LLM02, LLM01],
    atlas: ['AML.T0086', 'AML.T0053', 'AML.T0051'],
    channels: ['tool_call'],
  },
  {
    id: FLOW.carriedOut,
    name: 'Private data carried out by an outbound action',
    category: 'data_exfiltration',
    severity: 'critical',
    description:
      'An outbound action (send, post, upload, or a call to a host outside the egress allowlist) carries values first seen in private data read earlier in the same trace or session: the same e-mail address, account number, id or field value, compared by keyed fingerprints (hashed content is compared by its hash). The details list the read step and the outbound step.',
    example:
      'lookup_customer returns a record; a later send_message to an external address carries its IBAN and e-mail.',
    falsePositives:
      'Workflows whose purpose is to send a record to its owner or to an approved system: add the host to flows.egressAllowlist or the tool to the task scope.',
    owasp: [LLM02, LLM06],
    atlas: ['AML.T0086', 'AML.T0057'],
    channels: ['tool_call'],
  },
  {
    id: FLOW.taskTool,
    name: 'Tool outside the task scope',
    category: 'scope_violation',
    severity: 'high',
    description:
      'A tool was executed (or requested by the model) that is not among the tools of the task the agent runs (flows.tasks, or the allowed tools the app declared with the task). The finding names the task.',
    example: 'Task "summarize-ticket" may use read_ticket only; the agent calls shell_exec.',
    falsePositives: 'A task scope that lags behind a new tool the app added: update flows.tasks.',
    owasp: [LLM06],
    atlas: ['AML.T0053'],
    channels: ['tool_call'],
  },
  {
    id: FLOW.taskData,
    name: 'Data read outside the task scope',
    category: 'scope_violation',
    severity: 'high',
    description:
      "A retrieved document's source, classification or tenant is outside the data scopes of the task the agent runs. The finding names the task.",
    example: 'Task "faq-answer" may read source:kb/public/*; a retrieval returns kb/hr/salaries.',
    falsePositives:
      'Documents without the metadata the scope names are not judged; scopes narrower than the task needs.',
    owasp: [LLM06, LLM02],
    atlas: ['AML.T0057'],
    channels: ['document'],
  },
  {
    id: FLOW.taskEgress,
    name: 'Egress outside the task scope',
    category: 'scope_violation',
    severity: 'high',
    description:
      'A tool call of the task reaches a host that is not among the egress hosts of the task scope. The finding names the task and the host.',
    example: 'Task "crm-sync" may reach *.crm.example; the agent posts to paste.unlisted.example.',
    falsePositives: 'Hosts the task legitimately needs but the scope does not list yet.',
    owasp: [LLM06, LLM02],
    atlas: ['AML.T0086'],
    channels: ['tool_call'],
  },
  {
    id: FLOW.deniedExecuted,
    name: 'Denied action executed anyway (control failure)',
    category: 'control_failure',
    severity: 'critical',
    description:
      "A policy decision in the trace said deny (or block) for an action — a tool, a host — and that action still ran later in the same trace; or the processor's verdict API had an enforced block for the session, user or tool and the action ran. The control that was supposed to stop it did not.",
    example: 'tracehound.policy_decision deny tool:delete_records, then an execute_tool delete_records span.',
    falsePositives:
      'Decisions recorded in shadow mode should carry enforced=false (they are not judged); a retry that passed a second, allowing decision.',
    owasp: [LLM06],
    atlas: ['AML.T0053'],
    channels: ['tool_call'],
  },
];
