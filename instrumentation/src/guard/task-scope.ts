/**
 * The task scope the app declared with its identity (withIdentity({ task, allowedTools, allowedEgress })): is a tool
 * call inside it? The same globs and host entries the processor's flows.tasks use (TH-FLOW-010, TH-FLOW-012).
 */
import { GlobSet, hostInList } from '@tracehound/core';
import type { IdentityContext } from '../helpers/identity.js';

export interface ToolRequest {
  name: string;
  /** Where the call reaches: a host, or a URL (its host is used). */
  host?: string;
  url?: string;
}

export interface ScopeRefusal {
  rule: 'tracehound.task_scope.tool' | 'tracehound.task_scope.egress';
  target: string;
  reason: string;
}

function hostOf(req: ToolRequest): string | undefined {
  if (req.host) return req.host;
  if (!req.url) return undefined;
  try {
    return new URL(req.url).host || undefined;
  } catch {
    return undefined;
  }
}

/** Why the call is outside the identity's task scope, or undefined when it is inside (or no scope is declared). */
export function outsideTaskScope(
  id: Readonly<IdentityContext> | undefined,
  req: ToolRequest,
): ScopeRefusal | undefined {
  if (!id) return undefined;
  const task = id.task ?? 'the current task';
  if (id.allowedTools && !new GlobSet(id.allowedTools).matches(req.name))
    return {
      rule: 'tracehound.task_scope.tool',
      target: `tool:${req.name}`,
      reason: `tool ${req.name} is outside the scope of ${task}`,
    };
  const host = hostOf(req);
  if (host && id.allowedEgress && !hostInList(host, id.allowedEgress))
    return {
      rule: 'tracehound.task_scope.egress',
      target: `host:${host.toLowerCase()}`,
      reason: `${req.name} → ${host} is outside the egress of ${task}`,
    };
  return undefined;
}
