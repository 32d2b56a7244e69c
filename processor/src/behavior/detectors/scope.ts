import type { DetectorEnv } from '../env.js';
import { BEH } from '../rules.js';
import { matches, outOfScope, parseScope, type DataScope } from '../state/scope.js';
import type { BehaviorDetector, Entity } from '../types.js';

/** What a session declared once and later spans inherit (tool spans rarely repeat the declaration). */
interface Declared {
  tools?: string[];
  scope?: DataScope;
  scopeEntries?: readonly string[];
  tenant?: string;
}

/** Documents examined per retrieval; more are not judged (bounded work per span). */
const MAX_DOCS = 256;
/** Names listed in one finding's evidence. */
const MAX_NAMES = 5;

/**
 * Scope violations, per event. TH-BEH-070: a retrieved document outside the declared data scope; TH-BEH-071: a
 * document of another tenant; TH-BEH-072: a tool executed (or requested by the model) outside the session's allowed
 * tools. Declarations are remembered per session so later spans of the session are judged too.
 */
export function scopeDetector(env: DetectorEnv): BehaviorDetector {
  const cfg = env.config.scope;
  const store = env.store<Declared>('session.scope', env.config.sessionTtlSeconds * 1000);
  const perEvent = cfg.dedupeSeconds === 0;
  const windowSeconds = perEvent ? 0 : cfg.dedupeSeconds;

  return {
    id: 'scope',
    stores: [store],
    observe(ctx, out) {
      if (!cfg.enabled) return;
      const ix = ctx.ix;
      const id = ix.identity;
      const now = ctx.now;
      let declared: Declared | undefined;
      if (ctx.session) {
        declared = store.get(ctx.session, now);
        if (id.allowedTools || id.dataScope || id.tenant) {
          declared ??= {};
          if (id.allowedTools) declared.tools = id.allowedTools;
          if (id.dataScope && id.dataScope !== declared.scopeEntries) {
            declared.scopeEntries = id.dataScope;
            declared.scope = parseScope(id.dataScope);
          }
          if (id.tenant) declared.tenant = id.tenant;
          store.set(ctx.session, declared, now);
        }
      }
      const actor: Entity = id.user
        ? { type: 'user', id: id.user }
        : (ctx.actor ?? { type: 'service', id: ix.service ?? 'unknown' });
      const spanIds = [ix.span.spanId];

      if (ix.documents.length > 0 && (cfg.dataScope || cfg.crossTenant)) {
        const scope = id.dataScope
          ? declared?.scopeEntries === id.dataScope
            ? declared.scope
            : parseScope(id.dataScope)
          : declared?.scope;
        const tenant = id.tenant ?? declared?.tenant;
        const crossTenant: string[] = [];
        const outside: string[] = [];
        const reasons = new Set<string>();
        const n = Math.min(ix.documents.length, MAX_DOCS);
        for (let i = 0; i < n; i++) {
          const doc = ix.documents[i];
          const label = doc.id ?? doc.source ?? `#${i}`;
          if (cfg.crossTenant && tenant && doc.tenant && doc.tenant !== tenant) {
            crossTenant.push(label);
            continue;
          }
          // A span that names its task is judged against the task's data scopes (TH-FLOW-011).
          const why = cfg.dataScope && scope && !id.task ? outOfScope(doc, scope) : undefined;
          if (why) {
            outside.push(label);
            reasons.add(why);
          }
        }
        if (crossTenant.length > 0) {
          env.fire(
            out,
            {
              ruleId: BEH.scopeCrossTenant,
              entity: actor,
              windowSeconds,
              perEvent,
              confidence: 0.95,
              channel: 'document',
              evidence: `${crossTenant.length} retrieved document(s) of another tenant: ${crossTenant.slice(0, MAX_NAMES).join(', ')}`,
              count: crossTenant.length,
              observed: crossTenant.length,
              threshold: 0,
              spanIds,
              dedupeSuffix: 'docs',
              extra: { documents: crossTenant.slice(0, MAX_NAMES) },
            },
            now,
          );
        }
        if (outside.length > 0) {
          env.fire(
            out,
            {
              ruleId: BEH.scopeRetrieval,
              entity: actor,
              windowSeconds,
              perEvent,
              confidence: 0.85,
              channel: 'document',
              evidence: `${outside.length} retrieved document(s) outside the declared data scope (${[...reasons].join(', ')}): ${outside.slice(0, MAX_NAMES).join(', ')}`,
              count: outside.length,
              observed: outside.length,
              threshold: 0,
              spanIds,
              dedupeSuffix: 'docs',
              extra: { documents: outside.slice(0, MAX_NAMES), reasons: [...reasons] },
            },
            now,
          );
        }
      }

      const allowed = id.allowedTools ?? declared?.tools;
      // A span that names its task is judged against the task's scope (TH-FLOW-010, correlate/flows/task-scope.ts).
      if (!cfg.tools || !allowed || id.task) return;
      const toolEntity: Entity = ctx.session ? { type: 'session', id: ctx.session } : actor;
      if (ix.kind === 'tool_call' && ix.tool?.name && !matches(allowed, ix.tool.name)) {
        env.fire(
          out,
          {
            ruleId: BEH.scopeTool,
            entity: toolEntity,
            windowSeconds,
            perEvent,
            confidence: 1,
            channel: 'tool_call',
            evidence: `tool ${ix.tool.name} executed outside the session's ${allowed.length} allowed tools${ix.tool.decision ? ` (app decision: ${ix.tool.decision})` : ''}`,
            count: 1,
            observed: 1,
            threshold: 0,
            spanIds,
            dedupeSuffix: ix.tool.name,
            extra: { tool: ix.tool.name, executed: true },
          },
          now,
        );
      }
      const requested: string[] = [];
      for (const m of ix.output)
        for (const call of m.toolCalls ?? [])
          if (call.name && !matches(allowed, call.name) && !requested.includes(call.name)) requested.push(call.name);
      if (requested.length > 0) {
        env.fire(
          out,
          {
            ruleId: BEH.scopeTool,
            entity: toolEntity,
            windowSeconds,
            perEvent,
            confidence: 0.7,
            channel: 'tool_call',
            evidence: `model requested tool(s) outside the session's allowed set: ${requested.slice(0, MAX_NAMES).join(', ')}`,
            count: requested.length,
            observed: requested.length,
            threshold: 0,
            spanIds,
            dedupeSuffix: `req:${requested.join(',')}`,
            extra: { tools: requested.slice(0, MAX_NAMES), executed: false },
          },
          now,
        );
      }
    },
  };
}
