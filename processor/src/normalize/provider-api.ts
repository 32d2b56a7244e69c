/**
 * Calls to a model provider's management API that carry no GenAI attributes: listing or looking up models, as the
 * HTTP client instrumentations record them (undici/http: `http.request.method` + `url.full`) and the AWS SDK
 * instrumentation records Bedrock (`rpc.method` ListFoundationModels / GetFoundationModel). They become
 * `provider_api` Interactions with operation `list_models` or `retrieve_model`, so reconnaissance can be seen. Only
 * spans that are not GenAI spans reach here; the check costs a couple of attribute reads.
 */
import type { Interaction, SpanView } from '@tracehound/core';
import { baseInteraction } from './genai.js';
import { str } from './attrs.js';

export const DIALECT = 'provider_api';

/** Hosts of the providers whose model endpoints are recognised (suffix match), and the model path prefixes. */
const PROVIDER_HOSTS: ReadonlyArray<readonly [string, string]> = [
  ['api.openai.com', 'openai'],
  ['openai.azure.com', 'azure.ai.openai'],
  ['api.anthropic.com', 'anthropic'],
  ['generativelanguage.googleapis.com', 'gcp.gemini'],
  ['api.mistral.ai', 'mistral_ai'],
  ['api.groq.com', 'groq'],
  ['api.deepseek.com', 'deepseek'],
  ['api.x.ai', 'x_ai'],
  ['api.cohere.com', 'cohere'],
];
/** `/v1/models`, `/v1beta/models`, `/openai/models`, `/openai/deployments` (Azure), with an optional model id. */
const MODEL_PATHS = ['/v1/models', '/v1beta/models', '/openai/models', '/openai/deployments', '/models'];
const BEDROCK_METHODS: Readonly<Record<string, string>> = {
  ListFoundationModels: 'list_models',
  GetFoundationModel: 'retrieve_model',
  ListCustomModels: 'list_models',
  ListInferenceProfiles: 'list_models',
};

function providerOf(host: string): string | undefined {
  const h = host.toLowerCase();
  for (const [suffix, name] of PROVIDER_HOSTS) if (h === suffix || h.endsWith(`.${suffix}`)) return name;
  return undefined;
}

/** `list_models` for a collection path, `retrieve_model` for one model, undefined for other paths. */
function operationOf(path: string): { operation: string; model?: string } | undefined {
  let p = path.split('?')[0];
  while (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);
  for (const prefix of MODEL_PATHS) {
    const at = p.indexOf(prefix);
    if (at < 0) continue;
    const rest = p.slice(at + prefix.length);
    if (rest === '') return { operation: 'list_models' };
    if (rest.startsWith('/') && rest.indexOf('/', 1) < 0) return { operation: 'retrieve_model', model: rest.slice(1) };
  }
  return undefined;
}

function fromUrl(span: SpanView): { provider: string; operation: string; model?: string } | undefined {
  const a = span.attributes;
  const method = (str(a, 'http.request.method') ?? str(a, 'http.method') ?? '').toUpperCase();
  if (method !== 'GET') return undefined;
  const full = str(a, 'url.full') ?? str(a, 'http.url');
  let host: string | undefined;
  let path: string | undefined;
  if (full) {
    try {
      const u = new URL(full);
      host = u.hostname;
      path = u.pathname;
    } catch {
      return undefined;
    }
  } else {
    host = str(a, 'server.address') ?? str(a, 'net.peer.name');
    path = str(a, 'url.path') ?? str(a, 'http.target');
  }
  if (!host || !path) return undefined;
  const provider = providerOf(host);
  if (!provider) return undefined;
  const op = operationOf(path);
  return op ? { provider, ...op } : undefined;
}

function fromRpc(span: SpanView): { provider: string; operation: string; model?: string } | undefined {
  const a = span.attributes;
  const service = str(a, 'rpc.service');
  const method = str(a, 'rpc.method');
  if (!service || !method || !service.toLowerCase().startsWith('bedrock')) return undefined;
  const operation = BEDROCK_METHODS[method];
  return operation ? { provider: 'aws.bedrock', operation } : undefined;
}

/** A provider_api Interaction for a model-listing or model-lookup span, or null for any other span. */
export function normalizeProviderApi(span: SpanView): Interaction | null {
  const a = span.attributes;
  if (
    a['url.full'] === undefined &&
    a['http.url'] === undefined &&
    a['url.path'] === undefined &&
    a['rpc.method'] === undefined
  )
    return null;
  const hit = fromUrl(span) ?? fromRpc(span);
  if (!hit) return null;
  const ix = baseInteraction(span, 'provider_api', DIALECT);
  ix.provider = hit.provider;
  ix.operation = hit.operation;
  if (hit.model) ix.model = hit.model;
  return ix;
}
