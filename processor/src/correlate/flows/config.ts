/**
 * Configuration of agent flow detection (the `flows` section): which tools and documents count as private data,
 * untrusted content and outbound actions, the per-task scopes, which policy decisions mean "deny", and the memory and
 * wait bounds of the per-trace and per-session flow state. Composed into the full schema by config/sections.ts.
 */
import { Type, type Static } from '@sinclair/typebox';
import { StringMap } from '../../schema/types.js';

const globs = (description: string) =>
  Type.Array(Type.String({ minLength: 1, maxLength: 256 }), { maxItems: 256, description });
const hosts = (description: string) =>
  Type.Array(
    Type.String({
      pattern: '^(\\*\\.)?[A-Za-z0-9_.-]+(:[0-9]{1,5})?$',
      description: 'a host name or *.domain, optionally with :port (no scheme, no path)',
    }),
    { maxItems: 1024, description },
  );
const int = (minimum: number, maximum: number, description: string) => Type.Integer({ minimum, maximum, description });

/** What one task may do: tools (globs), data scopes (`source:…`, `classification:…`, `tenant:…`) and hosts. */
const TaskScopeSchema = Type.Object(
  {
    tools: Type.Optional(globs('Tools the task may call (globs).')),
    dataScopes: Type.Optional(globs('Data the task may read: source:<glob>, classification:<name>, tenant:<id>.')),
    egress: Type.Optional(hosts('Hosts the task may reach (exact or *.domain).')),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type TaskScope = Static<typeof TaskScopeSchema>;

/** The `flows` section, defined once: the schema the loader checks and the type derived from it. */
export const flowsConfigSchema = Type.Object(
  {
    enabled: Type.Boolean({ description: 'Agent flow detection (TH-FLOW-*) on or off.' }),
    privateTools: globs('Tool names (globs, * anywhere) whose results are private data.'),
    privateSources: globs('Retrieved-document sources (globs) that are private data.'),
    privateClassifications: globs('Document classifications (case-insensitive) that are private data.'),
    untrustedTools: globs('Tool names (globs) whose results are untrusted content (web fetch, e-mail).'),
    outboundTools: globs('Tool names (globs) that send data out (write, send, post, upload).'),
    egressAllowlist: hosts(
      'Hosts an action may reach without being egress (exact or *.domain); empty: detection.toolHostAllowlist.',
    ),
    tasks: StringMap(TaskScopeSchema, {
      description: 'Per-task scopes keyed by task name (tracehound.identity.task): tools, dataScopes, egress.',
      maxProperties: 1024,
    }),
    denyDecisions: globs('Policy decisions (case-insensitive) that forbid the action they name.'),
    traceWaitSeconds: int(1, 86400, "How long a trace's flow state waits for late spans after its last one."),
    sessions: Type.Boolean({ description: 'Also judge the steps of one session across its traces.' }),
    sessionTtlSeconds: int(1, 30 * 86400, "Idle time after which a session's flow state is dropped."),
    maxFlows: int(100, 10_000_000, 'Traces and sessions kept (least recently used evicted, counted).'),
    maxSteps: int(4, 1024, 'Steps kept per trace or session (the oldest dropped, counted).'),
    maxFingerprints: int(16, 65_536, 'Value fingerprints of private data kept per trace or session.'),
  },
  { additionalProperties: false },
);

/** Agent flow detection: capability classification, task scopes, deny decisions, state bounds. */
export type FlowsConfig = Static<typeof flowsConfigSchema>;

export const flowsDefaults: FlowsConfig = {
  enabled: true,
  privateTools: ['*customer*', '*crm*', '*patient*', '*employee*', '*payroll*', '*salary*', '*account_lookup*'],
  privateSources: [],
  privateClassifications: ['confidential', 'restricted', 'private', 'secret', 'pii', 'sensitive'],
  untrustedTools: ['*fetch*', '*browse*', '*scrape*', '*crawl*', '*web_search*', '*read_email*', '*inbox*'],
  outboundTools: ['*send*', '*post*', '*upload*', '*publish*', '*email*', '*webhook*', '*write*', '*share*'],
  egressAllowlist: [],
  tasks: {},
  denyDecisions: ['deny', 'denied', 'block', 'blocked', 'reject', 'rejected'],
  traceWaitSeconds: 300,
  sessions: true,
  sessionTtlSeconds: 3600,
  maxFlows: 50_000,
  maxSteps: 64,
  maxFingerprints: 512,
};
