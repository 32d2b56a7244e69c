/** OpenAI responses.create (Responses API): message, function-call and built-in tool items → GenAI attributes. */
import type { GenAiMessage, Part, RequestContent } from '../content/parts.js';
import { asText } from '../content/parts.js';
import * as A from '@tracehound/core/attributes';
import { responsesRedaction } from './redaction.js';
import { chatUsage, commonRequestAttributes, openaiProvider, toolDefinitions } from './openai-common.js';
import { arr, rec, str, type OperationMapping, type ResponseSummary, type StreamAccumulator } from './types.js';

function inputContentParts(content: unknown): Part[] {
  if (typeof content === 'string') return [{ type: 'text', content }];
  const parts: Part[] = [];
  for (const c of arr(content)) {
    const r = rec(c);
    if (!r) continue;
    if ((r.type === 'input_text' || r.type === 'output_text' || r.type === 'text') && typeof r.text === 'string') {
      parts.push({ type: 'text', content: r.text });
    } else if (r.type === 'refusal' && typeof r.refusal === 'string') parts.push({ type: 'text', content: r.refusal });
    else if (r.type === 'input_image') {
      const url = str(r.image_url) ?? '';
      parts.push(
        url && !url.startsWith('data:')
          ? { type: 'uri', modality: 'image', uri: url }
          : { type: 'blob', modality: 'image' },
      );
    } else if (r.type === 'input_file') parts.push({ type: 'blob', modality: 'file' });
  }
  return parts;
}

function stringify(v: unknown): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'string') return v;
  try {
    return JSON.stringify(v);
  } catch {
    return undefined;
  }
}

/** A built-in tool item (web_search_call, file_search_call, mcp_call, computer_call...) as a tool_call part. */
function builtinToolPart(item: Record<string, unknown>, type: string): Part {
  const base = type.endsWith('_call') ? type.slice(0, -5) : type;
  const name = type === 'mcp_call' ? `mcp:${str(item.server_label) ?? ''}:${str(item.name) ?? ''}` : base;
  const args = item.arguments ?? item.action ?? item.queries ?? item.code ?? item.input;
  return { type: 'tool_call', id: str(item.call_id) ?? str(item.id), name, arguments: stringify(args) };
}

function itemParts(item: Record<string, unknown>): { role: string; parts: Part[] } | undefined {
  const type = str(item.type) ?? (item.role ? 'message' : undefined);
  if (!type) return undefined;
  switch (type) {
    case 'message':
      return { role: str(item.role) ?? 'user', parts: inputContentParts(item.content) };
    case 'function_call':
      return {
        role: 'assistant',
        parts: [
          {
            type: 'tool_call',
            id: str(item.call_id),
            name: str(item.name) ?? 'unknown',
            arguments: str(item.arguments),
          },
        ],
      };
    case 'custom_tool_call':
      return {
        role: 'assistant',
        parts: [
          { type: 'tool_call', id: str(item.call_id), name: str(item.name) ?? 'unknown', arguments: str(item.input) },
        ],
      };
    case 'function_call_output':
    case 'custom_tool_call_output':
    case 'computer_call_output':
    case 'local_shell_call_output':
      return {
        role: 'tool',
        parts: [{ type: 'tool_call_response', id: str(item.call_id), response: asText(item.output) }],
      };
    case 'reasoning': {
      const text = arr(item.summary)
        .map((s) => str(rec(s)?.text))
        .filter((t): t is string => !!t)
        .join('\n');
      return text ? { role: 'assistant', parts: [{ type: 'reasoning', content: text }] } : undefined;
    }
    default:
      if (type.endsWith('_call')) {
        const parts: Part[] = [builtinToolPart(item, type)];
        if (type === 'mcp_call' && item.output != null) {
          parts.push({ type: 'tool_call_response', id: str(item.id), response: asText(item.output) });
        }
        return { role: 'assistant', parts };
      }
      return undefined;
  }
}

export function responsesRequestContent(p: Record<string, unknown>): RequestContent {
  const system: Part[] = [];
  if (typeof p.instructions === 'string') system.push({ type: 'text', content: p.instructions });
  const messages: GenAiMessage[] = [];
  if (typeof p.input === 'string') messages.push({ role: 'user', parts: [{ type: 'text', content: p.input }] });
  for (const it of arr(p.input)) {
    const r = rec(it);
    if (!r) continue;
    const m = itemParts(r);
    if (!m) continue;
    if (m.role === 'system' || m.role === 'developer') system.push(...m.parts);
    else messages.push(m);
  }
  return { system, messages };
}

export function responsesResponse(data: unknown, needContent: boolean, provider: string): ResponseSummary {
  const body = rec(data);
  if (!body) return {};
  const items = arr(body.output)
    .map(rec)
    .filter((i): i is Record<string, unknown> => !!i);
  const incomplete = str(rec(body.incomplete_details)?.reason);
  // Built-in tools (web search...) run server-side and do not hand control back: only client-side calls count.
  const hasToolCall = items.some((i) => i.type === 'function_call' || i.type === 'custom_tool_call');
  let finish: string | undefined;
  if (body.status === 'incomplete') finish = incomplete ?? 'incomplete';
  else if (body.status === 'failed') finish = 'error';
  else if (body.status === 'completed') finish = hasToolCall ? 'tool_call' : 'stop';
  let output: GenAiMessage[] | undefined;
  if (needContent) {
    const parts: Part[] = [];
    for (const it of items) {
      const m = itemParts(it);
      if (m) parts.push(...m.parts);
    }
    const msg: GenAiMessage = { role: 'assistant', parts };
    if (finish) msg.finish_reason = finish;
    output = [msg];
  }
  return {
    responseModel: str(body.model),
    responseId: str(body.id),
    finishReasons: finish ? [finish] : [],
    usage: chatUsage(body.usage),
    output,
    moderation:
      incomplete === 'content_filter'
        ? [{ source: provider === A.PROVIDER_AZURE_OPENAI ? 'azure' : 'openai', decision: 'blocked', categories: [] }]
        : [],
  };
}

/** Streamed Responses carry the whole response object in their created/completed/incomplete/failed events. */
export function responsesStreamAccumulator(needContent: boolean, provider: string): StreamAccumulator {
  let last: unknown;
  return {
    push(event) {
      const e = rec(event);
      if (!e || typeof e.type !== 'string') return;
      if (
        e.type === 'response.created' ||
        e.type === 'response.completed' ||
        e.type === 'response.incomplete' ||
        e.type === 'response.failed' ||
        e.type === 'response.in_progress'
      ) {
        if (e.response) last = e.response;
      }
    },
    finish: () => responsesResponse(last, needContent, provider),
  };
}

export const openaiResponsesMapping: OperationMapping = {
  operation: A.OP_CHAT,
  provider: openaiProvider,
  request(p, needContent) {
    const attributes = commonRequestAttributes(p, 'max_output_tokens');
    const defs = toolDefinitions(p.tools);
    if (defs) attributes[A.GEN_AI_TOOL_DEFINITIONS] = defs;
    if (typeof p.conversation === 'string') attributes[A.GEN_AI_CONVERSATION_ID] = p.conversation;
    return { model: str(p.model), attributes, content: needContent ? responsesRequestContent(p) : undefined };
  },
  response: responsesResponse,
  stream: responsesStreamAccumulator,
  redaction: responsesRedaction,
};
