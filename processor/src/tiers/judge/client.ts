import type { ChatMessage } from './prompt.js';

export interface ChatCompletion {
  content: string;
  totalTokens?: number;
}

export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string; signal: AbortSignal },
) => Promise<{
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
}>;

/** Thrown for a failed judge request (network, timeout, non-2xx, a body without a message): counted, never fatal. */
export class JudgeRequestError extends Error {
  constructor(
    readonly reason: 'timeout' | 'http' | 'network' | 'body',
    detail: string,
  ) {
    super(detail);
  }
}

/** One POST /chat/completions to an OpenAI-compatible endpoint (OpenAI, Azure OpenAI v1, vLLM, Ollama, LiteLLM). */
export async function chatCompletion(
  fetchFn: FetchLike,
  opts: {
    baseUrl: string;
    model: string;
    headers: Record<string, string>;
    apiKey?: string;
    maxTokens: number;
    timeoutMs: number;
  },
  messages: ChatMessage[],
): Promise<ChatCompletion> {
  const url = `${opts.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  const headers: Record<string, string> = { 'content-type': 'application/json', ...opts.headers };
  if (opts.apiKey) headers.authorization = `Bearer ${opts.apiKey}`;
  let res: Awaited<ReturnType<FetchLike>>;
  try {
    res = await fetchFn(url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ model: opts.model, messages, temperature: 0, max_tokens: opts.maxTokens }),
      signal: AbortSignal.timeout(opts.timeoutMs),
    });
  } catch (err) {
    const name = err instanceof Error ? err.name : '';
    if (name === 'TimeoutError' || name === 'AbortError')
      throw new JudgeRequestError('timeout', 'judge request timed out');
    throw new JudgeRequestError('network', 'judge endpoint unreachable');
  }
  if (!res.ok) throw new JudgeRequestError('http', `judge endpoint answered HTTP ${res.status}`);
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw new JudgeRequestError('body', 'judge answer is not JSON');
  }
  const b = body as { choices?: Array<{ message?: { content?: unknown } }>; usage?: { total_tokens?: unknown } };
  const content = b.choices?.[0]?.message?.content;
  if (typeof content !== 'string') throw new JudgeRequestError('body', 'judge answer has no message content');
  const total = b.usage?.total_tokens;
  return { content, totalTokens: typeof total === 'number' ? total : undefined };
}
