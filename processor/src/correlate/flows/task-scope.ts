/**
 * Per-task scope: the task an agent runs (tracehound.identity.task) may use some tools, read some data and reach
 * some hosts — declared in flows.tasks, or by the app with the task (allowed tools, data scope, allowed egress on the
 * identity). Actions outside raise TH-FLOW-010 (tool), TH-FLOW-011 (data) and TH-FLOW-012 (egress), naming the task.
 */
import type { Detection, Interaction } from '@tracehound/core';
import { outOfScope, parseScope, type DataScope } from '../../behavior/state/scope.js';
import { hostAllowed } from '../../detect/leak/tool-targets.js';
import type { FlowsConfig, TaskScope } from './config.js';
import { GlobSet } from '@tracehound/core';
import { FLOW } from './rules.js';

interface CompiledScope {
  tools?: GlobSet;
  toolCount: number;
  data?: DataScope;
  egress?: readonly string[];
}

const MAX_NAMES = 5;
const MAX_CACHED = 1024;

export class TaskScopes {
  private readonly configured = new Map<string, CompiledScope>();
  /** Scopes the app declared on spans, compiled once per distinct declaration (bounded). */
  private readonly declared = new Map<string, CompiledScope>();

  constructor(config: FlowsConfig) {
    for (const [name, s] of Object.entries(config.tasks)) this.configured.set(name, compile(s));
  }

  /** The scope of the span's task: the configured one, field by field, else what the app declared with the task. */
  scopeOf(ix: Interaction): CompiledScope | undefined {
    const task = ix.identity.task;
    if (!task) return undefined;
    const conf = this.configured.get(task);
    const id = ix.identity;
    if (!id.allowedTools && !id.dataScope && !id.allowedEgress) return conf;
    const key = JSON.stringify([task, id.allowedTools, id.dataScope, id.allowedEgress]);
    let decl = this.declared.get(key);
    if (!decl) {
      decl = compile({ tools: id.allowedTools, dataScopes: id.dataScope, egress: id.allowedEgress });
      if (this.declared.size >= MAX_CACHED) this.declared.clear();
      this.declared.set(key, decl);
    }
    if (!conf) return decl;
    return {
      tools: conf.tools ?? decl.tools,
      toolCount: conf.tools ? conf.toolCount : decl.toolCount,
      data: conf.data ?? decl.data,
      egress: conf.egress ?? decl.egress,
    };
  }

  /** Detections for the span's actions outside its task's scope (`hosts`: where the tool call reaches). */
  check(ix: Interaction, hosts: readonly string[]): Detection[] {
    const scope = this.scopeOf(ix);
    if (!scope) return [];
    const task = ix.identity.task!;
    const out: Detection[] = [];
    if (scope.tools) {
      if (ix.kind === 'tool_call' && ix.tool?.name && !scope.tools.matches(ix.tool.name))
        out.push({
          ruleId: FLOW.taskTool,
          confidence: 1,
          channel: 'tool_call',
          evidence: `task ${task}: tool ${ix.tool.name} executed outside its ${scope.toolCount} allowed tool(s)`,
          details: { task, tool: ix.tool.name, executed: true },
        });
      const requested: string[] = [];
      for (const m of ix.output)
        for (const c of m.toolCalls ?? [])
          if (c.name && !scope.tools.matches(c.name) && !requested.includes(c.name)) requested.push(c.name);
      if (requested.length > 0)
        out.push({
          ruleId: FLOW.taskTool,
          confidence: 0.8,
          channel: 'tool_call',
          evidence: `task ${task}: model requested tool(s) outside its scope: ${requested.slice(0, MAX_NAMES).join(', ')}`,
          details: { task, tools: requested.slice(0, MAX_NAMES), executed: false },
        });
    }
    if (scope.data && ix.documents.length > 0) {
      const outside: string[] = [];
      const reasons = new Set<string>();
      for (const [i, d] of ix.documents.slice(0, 256).entries()) {
        const why = outOfScope(d, scope.data);
        if (why) {
          outside.push(d.id ?? d.source ?? `#${i}`);
          reasons.add(why);
        }
      }
      if (outside.length > 0)
        out.push({
          ruleId: FLOW.taskData,
          confidence: 0.9,
          channel: 'document',
          evidence: `task ${task}: ${outside.length} document(s) outside its data scope (${[...reasons].join(', ')}): ${outside.slice(0, MAX_NAMES).join(', ')}`,
          details: { task, documents: outside.slice(0, MAX_NAMES), reasons: [...reasons] },
        });
    }
    if (scope.egress && ix.kind === 'tool_call') {
      const outside = hosts.filter((h) => !hostAllowed(h, scope.egress!));
      if (outside.length > 0)
        out.push({
          ruleId: FLOW.taskEgress,
          confidence: 0.95,
          channel: 'tool_call',
          evidence: `task ${task}: ${ix.tool?.name ?? 'tool'} → ${outside.slice(0, MAX_NAMES).join(', ')} (outside the task's egress)`,
          details: { task, tool: ix.tool?.name ?? '', hosts: outside.slice(0, MAX_NAMES) },
        });
    }
    return out;
  }
}

function compile(s: TaskScope): CompiledScope {
  return {
    ...(s.tools ? { tools: new GlobSet(s.tools) } : {}),
    toolCount: s.tools?.length ?? 0,
    ...(s.dataScopes ? { data: parseScope(s.dataScopes) } : {}),
    ...(s.egress ? { egress: s.egress } : {}),
  };
}
