import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RuleMeta, Severity } from '@tracehound/core';
import { checkBearer } from '../otlp/auth.js';
import { registerResponseRoutes } from '../response/api-server.js';
import {
  answerApiError,
  badRequest,
  invalidCursor,
  notFound,
  reviewRefused,
  storeDisabled,
  unauthorized,
} from '../http/api-errors.js';
import type { AnalystFeedback } from '../response/feedback.js';
import { getPlaybook, playbookFor, type Playbook } from '../rules/playbooks.js';
import type { SuppressionManager } from '../response/suppression-manager.js';
import type { VerdictStore } from '../response/verdict-store.js';
import { decodeCursor, type FindingsStore } from '../store/index.js';
import type { Cursor } from '../store/queries.js';
import { findingSummary, type AnalystVerdict } from '../store/records.js';
import { EventHub } from './events.js';
import { openApiDocument, routeDoc, type RouteDoc } from './openapi.js';
import {
  ANALYST_VERDICT,
  cursorParam,
  errorSchema,
  errors,
  findingSummarySchema,
  listLimit,
  matchSchema,
  playbookRefSchema,
  playbookSchema,
  ruleInfoSchema,
  sessionSummarySchema,
  spanSummarySchema,
  suppressionInfoSchema,
  timeParam,
  verdictRecordSchema,
} from './schemas.js';

export const API_PREFIX = '/api/v1';
const SEVERITIES: readonly Severity[] = ['low', 'medium', 'high', 'critical'];
const DAY_MS = 86_400_000;
const DEFAULT_SUPPRESSION_DAYS = 30;

export interface FindingsApiDeps {
  /** server.authToken: bearer token of every /api/v1 route; open when unset (as the receiver is). */
  token?: string;
  /** Undefined when store.enabled is false: the store routes answer 503 TH_STORE_DISABLED. */
  store?: FindingsStore;
  catalog: { get(id: string): RuleMeta | undefined; all(): readonly RuleMeta[] };
  suppressions: SuppressionManager;
  verdicts: VerdictStore;
  /** The analysts' feedback (created when the response runtime starts). */
  feedback(): AnalystFeedback | undefined;
  maxAgeSeconds: number;
  version: string;
  clock?: () => number;
  heartbeatMs?: number;
  maxEventBuffer?: number;
}

type Q = Record<string, string | number | boolean | undefined>;

/**
 * Register the findings API under /api/v1 on a fastify instance (the OTLP/HTTP receiver's): findings, sessions,
 * review queue, verdicts, rule statistics, live events, the OpenAPI document, and the response API's verdict,
 * feedback and suppression routes. Returns the OpenAPI document builder (routes are known once registered).
 */
export function registerFindingsApi(app: FastifyInstance, deps: FindingsApiDeps): { openapi(): unknown } {
  const docs: RouteDoc[] = [];
  const clock = deps.clock ?? Date.now;
  const hub = new EventHub({ maxBuffer: deps.maxEventBuffer ?? 256, heartbeatMs: deps.heartbeatMs ?? 15_000 });
  const unsubscribe = deps.store?.onFindings((list) => {
    for (const f of list) hub.publish('finding', f);
  });
  const openapi = () => openApiDocument(docs, deps.version);

  void app.register(
    async (api) => {
      api.addHook('onRoute', (r) => {
        const d = routeDoc(r);
        if (d) docs.push(d);
      });
      // The receiver reads raw bodies; this context parses JSON (small bodies only).
      api.removeAllContentTypeParsers();
      api.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => {
        try {
          done(null, body === '' ? undefined : JSON.parse(body as string));
        } catch {
          done(Object.assign(new Error('invalid JSON body'), { statusCode: 400 }), undefined);
        }
      });
      api.addHook('onRequest', async (req, reply) => {
        let auth = req.headers.authorization;
        if (auth === undefined && req.url.startsWith(`${API_PREFIX}/events`)) {
          const t = new URL(req.url, 'http://x').searchParams.get('access_token');
          if (t) auth = `Bearer ${t}`;
        }
        if (!checkBearer(deps.token, auth)) return unauthorized(reply);
      });
      api.setNotFoundHandler((req, reply) => notFound(reply, `${req.method} ${req.url.split('?')[0]}`));
      api.setErrorHandler((err: { statusCode?: number; validation?: unknown; message: string }, _req, reply) =>
        answerApiError(reply, err),
      );
      api.addHook('preClose', async () => {
        hub.close();
        unsubscribe?.();
      });

      const needStore = (reply: FastifyReply): FindingsStore | undefined => {
        if (!deps.store) storeDisabled(reply);
        return deps.store;
      };
      const cursorOf = (q: Q, reply: FastifyReply): Cursor | undefined | false => {
        if (q.cursor === undefined) return undefined;
        const c = decodeCursor(String(q.cursor));
        if (!c) {
          invalidCursor(reply);
          return false;
        }
        return c;
      };
      const playbookRef = (p: Playbook | undefined) =>
        p ? { id: p.id, title: p.title, url: `${API_PREFIX}/playbooks/${encodeURIComponent(p.id)}` } : null;
      const ruleInfo = (id: string) => {
        const r = deps.catalog.get(id);
        return r
          ? {
              id: r.id,
              name: r.name,
              category: r.category,
              severity: r.severity,
              description: r.description,
              falsePositives: r.falsePositives,
              owasp: r.owasp,
              atlas: r.atlas,
              playbook: playbookRef(playbookFor(r)),
            }
          : undefined;
      };

      api.get(
        '/openapi.json',
        {
          schema: {
            summary: 'This OpenAPI 3.1 document',
            response: { 200: { type: 'object', additionalProperties: true } },
          },
        },
        async () => openapi(),
      );

      api.get(
        '/findings',
        {
          schema: {
            summary: 'List and filter findings (newest first, cursor pagination)',
            querystring: {
              type: 'object',
              additionalProperties: false,
              properties: {
                severity: {
                  type: 'string',
                  maxLength: 64,
                  description: 'low | medium | high | critical, or a comma list',
                },
                rule: { type: 'string', maxLength: 64 },
                category: { type: 'string', maxLength: 64 },
                user: { type: 'string', maxLength: 256 },
                session: { type: 'string', maxLength: 256 },
                from: timeParam('earliest finding time (inclusive)'),
                to: timeParam('latest finding time (exclusive)'),
                q: { type: 'string', maxLength: 256, description: 'full-text search over evidence, rule id and name' },
                limit: listLimit,
                cursor: cursorParam,
              },
            },
            response: {
              200: obj({
                findings: { type: 'array', items: findingSummarySchema },
                nextCursor: { type: ['string', 'null'] },
              }),
              ...errors,
              503: errorSchema,
            },
          },
        },
        async (req, reply) => {
          const store = needStore(reply);
          if (!store) return reply;
          const q = req.query as Q;
          const severity =
            q.severity === undefined
              ? undefined
              : String(q.severity)
                  .split(',')
                  .map((s) => s.trim());
          if (severity?.some((s) => !SEVERITIES.includes(s as Severity)))
            return badRequest(reply, 'severity: low | medium | high | critical (comma list)');
          const cursor = cursorOf(q, reply);
          if (cursor === false) return reply;
          return store.queries.listFindings({
            severity,
            rule: q.rule as string | undefined,
            category: q.category as string | undefined,
            user: q.user as string | undefined,
            session: q.session as string | undefined,
            fromMs: q.from === undefined ? undefined : Date.parse(String(q.from)),
            toMs: q.to === undefined ? undefined : Date.parse(String(q.to)),
            q: q.q as string | undefined,
            limit: q.limit as number,
            cursor,
          });
        },
      );

      const idParams = {
        type: 'object',
        properties: { id: { type: 'string', minLength: 1, maxLength: 256 } },
        required: ['id'],
      };

      api.get(
        '/findings/:id',
        {
          schema: {
            summary: 'One finding with its rule, related spans and verdicts',
            params: idParams,
            response: {
              200: obj({
                finding: {
                  ...findingSummarySchema,
                  properties: {
                    ...findingSummarySchema.properties,
                    details: { type: ['object', 'null'], additionalProperties: true },
                    action: { type: ['object', 'null'], additionalProperties: true },
                  },
                },
                rule: { anyOf: [{ type: 'null' }, ruleInfoSchema] },
                relatedSpans: { type: 'array', items: spanSummarySchema },
                verdicts: { type: 'array', items: verdictRecordSchema },
              }),
              401: errorSchema,
              404: errorSchema,
              503: errorSchema,
            },
          },
        },
        async (req, reply) => {
          const store = needStore(reply);
          if (!store) return reply;
          const { id } = req.params as { id: string };
          const got = store.queries.getFinding(id);
          if (!got) return notFound(reply, 'no finding with that id');
          const f = got.finding;
          return {
            finding: { ...findingSummary(f, got.verdict), details: f.details ?? null, action: f.action ?? null },
            rule: ruleInfo(f.rule.id) ?? null,
            relatedSpans: store.queries.spansOfTrace(f.traceId),
            verdicts: store.queries.verdictsOf(f.id),
          };
        },
      );

      api.post(
        '/findings/:id/verdict',
        {
          schema: {
            summary: "Record an analyst's verdict; a false positive may create a (persisted) suppression",
            params: idParams,
            body: {
              type: 'object',
              additionalProperties: false,
              required: ['verdict'],
              properties: {
                verdict: ANALYST_VERDICT,
                note: { type: 'string', maxLength: 2000 },
                suppress: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['reason'],
                  properties: {
                    reason: { type: 'string', minLength: 1, maxLength: 500 },
                    expires: { type: 'string', format: 'date-time' },
                    id: { type: 'string', minLength: 1, maxLength: 128 },
                    match: matchSchema,
                  },
                },
              },
            },
            response: {
              201: obj({ verdict: verdictRecordSchema, suppression: { type: ['string', 'null'] } }),
              ...errors,
              404: errorSchema,
              409: errorSchema,
              503: errorSchema,
            },
          },
        },
        async (req, reply) => {
          const store = needStore(reply);
          if (!store) return reply;
          const { id } = req.params as { id: string };
          const b = req.body as {
            verdict: AnalystVerdict;
            note?: string;
            suppress?: { reason: string; expires?: string; id?: string; match?: Record<string, string> };
          };
          const got = store.queries.getFinding(id);
          if (!got) return notFound(reply, 'no finding with that id');
          if (b.suppress && b.verdict !== 'false_positive')
            return badRequest(reply, 'suppress: only with a false_positive verdict');
          const feedback = deps.feedback();
          if (!feedback) return storeDisabled(reply, 'the review loop is not started');
          const f = got.finding;
          const r = feedback.submit({
            rule: f.rule.id,
            verdict: b.verdict,
            ...(f.action && b.verdict === 'false_positive' ? { target: f.action.target } : {}),
            ...(b.suppress
              ? {
                  suppress: {
                    reason: b.suppress.reason,
                    expires: b.suppress.expires ?? new Date(clock() + DEFAULT_SUPPRESSION_DAYS * DAY_MS).toISOString(),
                    ...(b.suppress.id ? { id: b.suppress.id } : {}),
                    ...(b.suppress.match ? { match: b.suppress.match } : {}),
                  },
                }
              : {}),
          });
          if (!r.ok) return reviewRefused(reply, r.status, r.error);
          const verdict = store.addVerdict({
            findingId: f.id,
            ruleId: f.rule.id,
            verdict: b.verdict,
            note: b.note,
            suppression: r.suppression,
          });
          return reply.code(201).send({ verdict, suppression: r.suppression ?? null });
        },
      );

      api.get(
        '/sessions',
        {
          schema: {
            summary: 'Sessions, most recently active first',
            querystring: {
              type: 'object',
              additionalProperties: false,
              properties: { limit: listLimit, cursor: cursorParam, flagged: { type: 'boolean' } },
            },
            response: {
              200: obj({
                sessions: { type: 'array', items: sessionSummarySchema },
                nextCursor: { type: ['string', 'null'] },
              }),
              ...errors,
              503: errorSchema,
            },
          },
        },
        async (req, reply) => {
          const store = needStore(reply);
          if (!store) return reply;
          const q = req.query as Q;
          const cursor = cursorOf(q, reply);
          if (cursor === false) return reply;
          return store.queries.listSessions({
            limit: q.limit as number,
            cursor,
            flagged: q.flagged as boolean | undefined,
          });
        },
      );

      api.get(
        '/sessions/:id/timeline',
        {
          schema: {
            summary: 'Every stored interaction of a session in order, findings inline',
            params: idParams,
            response: {
              200: obj({
                session: sessionSummarySchema,
                items: {
                  type: 'array',
                  items: {
                    ...spanSummarySchema,
                    properties: {
                      ...spanSummarySchema.properties,
                      findingsInline: { type: 'array', items: findingSummarySchema },
                    },
                    required: [...spanSummarySchema.required, 'findingsInline'],
                  },
                },
              }),
              401: errorSchema,
              404: errorSchema,
              503: errorSchema,
            },
          },
        },
        async (req, reply) => {
          const store = needStore(reply);
          if (!store) return reply;
          const { id } = req.params as { id: string };
          const session = store.queries.session(id);
          if (!session) return notFound(reply, 'no session with that id');
          return { session, items: store.queries.timeline(id) };
        },
      );

      api.get(
        '/review-queue',
        {
          schema: {
            summary: 'Flagged sessions and sampled clean sessions to review',
            querystring: {
              type: 'object',
              additionalProperties: false,
              properties: {
                kind: { type: 'string', enum: ['flagged', 'sample', 'all'], default: 'all' },
                limit: listLimit,
                cursor: cursorParam,
              },
            },
            response: {
              200: obj({
                items: {
                  type: 'array',
                  items: {
                    ...sessionSummarySchema,
                    properties: {
                      ...sessionSummarySchema.properties,
                      reason: { type: 'string', enum: ['flagged', 'sample'] },
                      reviewed: { type: 'boolean' },
                    },
                    required: [...sessionSummarySchema.required, 'reason', 'reviewed'],
                  },
                },
                nextCursor: { type: ['string', 'null'] },
              }),
              ...errors,
              503: errorSchema,
            },
          },
        },
        async (req, reply) => {
          const store = needStore(reply);
          if (!store) return reply;
          const q = req.query as Q;
          const cursor = cursorOf(q, reply);
          if (cursor === false) return reply;
          return store.queries.reviewQueue({ kind: q.kind as 'all', limit: q.limit as number, cursor });
        },
      );

      api.post(
        '/review-queue/:id/reviewed',
        {
          schema: {
            summary: 'Mark a session of the review queue as reviewed',
            params: idParams,
            response: { 204: { type: 'null' }, 401: errorSchema, 404: errorSchema, 503: errorSchema },
          },
        },
        async (req, reply) => {
          const store = needStore(reply);
          if (!store) return reply;
          const { id } = req.params as { id: string };
          return store.markReviewed(id) ? reply.code(204).send() : notFound(reply, 'not in the review queue');
        },
      );

      const rangeQuery = (extra: Record<string, unknown> = {}) => ({
        type: 'object',
        additionalProperties: false,
        properties: {
          from: timeParam('range start (default: 24 h before to)'),
          to: timeParam('range end (default: now)'),
          ...extra,
        },
      });
      const range = (q: Q): { from: number; to: number } | string => {
        const to = q.to === undefined ? clock() : Date.parse(String(q.to));
        const from = q.from === undefined ? to - DAY_MS : Date.parse(String(q.from));
        return from < to ? { from, to } : 'from must be before to';
      };

      api.get(
        '/rules/stats',
        {
          schema: {
            summary: 'Volume per rule, analyst precision from verdicts, active suppressions',
            querystring: rangeQuery(),
            response: {
              200: obj({
                rules: {
                  type: 'array',
                  items: {
                    ...ruleInfoSchema,
                    properties: {
                      ...ruleInfoSchema.properties,
                      findings: int,
                      verdicts: obj({ true_positive: int, false_positive: int, benign_true_positive: int }),
                      precision: { type: ['number', 'null'] },
                      suppressions: { type: 'array', items: suppressionInfoSchema },
                    },
                    required: [...ruleInfoSchema.required, 'findings', 'verdicts', 'precision', 'suppressions'],
                  },
                },
              }),
              ...errors,
              503: errorSchema,
            },
          },
        },
        async (req, reply) => {
          const store = needStore(reply);
          if (!store) return reply;
          const r = range(req.query as Q);
          if (typeof r === 'string') return badRequest(reply, r);
          const counts = store.queries.ruleCounts(r.from, r.to);
          const now = clock();
          const active = deps.suppressions.list().filter((s) => Date.parse(s.expires) > now);
          return {
            rules: deps.catalog.all().map((rule) => {
              const v = counts.verdicts.get(rule.id) ?? {
                true_positive: 0,
                false_positive: 0,
                benign_true_positive: 0,
              };
              const good = v.true_positive + v.benign_true_positive;
              return {
                ...ruleInfo(rule.id)!,
                findings: counts.findings.get(rule.id) ?? 0,
                verdicts: v,
                precision: good + v.false_positive > 0 ? good / (good + v.false_positive) : null,
                suppressions: active.filter((s) => s.rule === rule.id || s.rule === '*'),
              };
            }),
          };
        },
      );

      api.get(
        '/stats/over-time',
        {
          schema: {
            summary: 'Findings over time, bucketed, by category',
            querystring: rangeQuery({ bucket: { type: 'integer', minimum: 60, maximum: 86_400, default: 3600 } }),
            response: {
              200: obj({
                bucketSeconds: int,
                from: str,
                to: str,
                buckets: {
                  type: 'array',
                  items: obj({ start: str, counts: { type: 'object', additionalProperties: { type: 'integer' } } }),
                },
              }),
              ...errors,
              503: errorSchema,
            },
          },
        },
        async (req, reply) => {
          const store = needStore(reply);
          if (!store) return reply;
          const q = req.query as Q;
          const r = range(q);
          if (typeof r === 'string') return badRequest(reply, r);
          const bucket = q.bucket as number;
          if ((r.to - r.from) / (bucket * 1000) > 2000)
            return badRequest(reply, 'at most 2000 buckets: widen bucket or narrow the range');
          return {
            bucketSeconds: bucket,
            from: new Date(r.from).toISOString(),
            to: new Date(r.to).toISOString(),
            buckets: store.queries.overTime(r.from, r.to, bucket * 1000),
          };
        },
      );

      api.get(
        '/playbooks',
        {
          schema: {
            summary: 'The response playbooks the rules link to',
            response: { 200: obj({ playbooks: { type: 'array', items: playbookRefSchema } }), 401: errorSchema },
          },
        },
        async () => {
          const seen = new Map<string, Playbook>();
          for (const r of deps.catalog.all()) {
            const p = playbookFor(r);
            if (p) seen.set(p.id, p);
          }
          return { playbooks: [...seen.values()].sort((a, b) => a.id.localeCompare(b.id)).map(playbookRef) };
        },
      );

      api.get(
        '/playbooks/:id',
        {
          schema: {
            summary: 'One response playbook (Markdown) and the rules that link to it',
            params: idParams,
            response: { 200: obj({ playbook: playbookSchema }), 401: errorSchema, 404: errorSchema },
          },
        },
        async (req, reply) => {
          const { id } = req.params as { id: string };
          const p = getPlaybook(id);
          if (!p) return notFound(reply, 'no playbook with that id');
          const rules = deps.catalog
            .all()
            .filter((r) => playbookFor(r)?.id === p.id)
            .map((r) => r.id);
          return { playbook: { ...p, rules } };
        },
      );

      api.get(
        '/status',
        {
          schema: {
            summary: 'The findings store: size, bounds, evictions, dropped writes',
            response: { 200: obj({ store: { type: 'object', additionalProperties: true } }), 401: errorSchema },
          },
        },
        async () => ({ store: deps.store?.status() ?? { enabled: false } }),
      );

      api.get(
        '/events',
        {
          schema: {
            summary: 'Server-sent events: event "finding" per stored finding, heartbeat comments, event "dropped"',
            querystring: {
              type: 'object',
              properties: {
                access_token: { type: 'string', description: 'the bearer token (EventSource cannot set headers)' },
              },
            },
          },
        },
        async (_req: FastifyRequest, reply: FastifyReply) => {
          reply.hijack();
          hub.attach(reply.raw);
        },
      );

      const feedback = deps.feedback;
      registerResponseRoutes(api, {
        maxAgeSeconds: deps.maxAgeSeconds,
        store: deps.verdicts,
        get feedback() {
          const f = feedback();
          if (!f) throw Object.assign(new Error('the review loop is not started'), { statusCode: 503 });
          return f;
        },
        suppressions: deps.suppressions,
      });
    },
    { prefix: API_PREFIX },
  );
  return { openapi };
}

const int = { type: 'integer' } as const;
const str = { type: 'string' } as const;
function obj(properties: Record<string, unknown>) {
  return { type: 'object', properties, required: Object.keys(properties) };
}
