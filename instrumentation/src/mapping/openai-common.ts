/** Pieces shared by the OpenAI operation mappings. */
import type { Attributes } from '@opentelemetry/api';
import * as A from '@tracehound/core/attributes';
import { num, rec, str, type Usage } from './types.js';

export function openaiProvider(resource: unknown): string {
  const client = rec(rec(resource)?._client);
  if (!client) return A.PROVIDER_OPENAI;
  const ctor = (client as { constructor?: { name?: string } }).constructor?.name;
  if (ctor === 'AzureOpenAI') return A.PROVIDER_AZURE_OPENAI;
  const base = str(client.baseURL);
  return base && base.includes('.openai.azure.com') ? A.PROVIDER_AZURE_OPENAI : A.PROVIDER_OPENAI;
}

/** Request parameters common to chat and responses. */
export function commonRequestAttributes(p: Record<string, unknown>, maxTokensKey: string): Attributes {
  const a: Attributes = {};
  const maxTokens = num(p[maxTokensKey]) ?? num(p.max_tokens);
  if (maxTokens !== undefined) a[A.GEN_AI_REQUEST_MAX_TOKENS] = maxTokens;
  const t = num(p.temperature);
  if (t !== undefined) a[A.GEN_AI_REQUEST_TEMPERATURE] = t;
  const tp = num(p.top_p);
  if (tp !== undefined) a[A.GEN_AI_REQUEST_TOP_P] = tp;
  if (p.stream === true) a[A.GEN_AI_REQUEST_STREAM] = true;
  return a;
}

/** Tool names the model could call (the definitions' schemas are left out: names are what security needs). */
export function toolDefinitions(tools: unknown): string | undefined {
  if (!Array.isArray(tools) || tools.length === 0) return undefined;
  const defs = tools.slice(0, 256).map((t) => {
    const r = rec(t) ?? {};
    const fn = rec(r.function);
    const type = str(r.type) ?? 'function';
    const name = str(fn?.name) ?? str(r.name) ?? str(r.server_label) ?? type;
    return { type, name };
  });
  return JSON.stringify(defs);
}

export function chatUsage(u: unknown): Usage | undefined {
  const r = rec(u);
  if (!r) return undefined;
  return {
    input: num(r.prompt_tokens) ?? num(r.input_tokens),
    output: num(r.completion_tokens) ?? num(r.output_tokens),
    cacheRead: num(rec(r.prompt_tokens_details)?.cached_tokens) ?? num(rec(r.input_tokens_details)?.cached_tokens),
    reasoning:
      num(rec(r.completion_tokens_details)?.reasoning_tokens) ?? num(rec(r.output_tokens_details)?.reasoning_tokens),
  };
}
