/** OpenAI chat.completions.create (and Azure OpenAI, and OpenAI-compatible servers) → GenAI attributes. */
import type { GenAiMessage, Part, RequestContent } from '../content/parts.js';
import { asText } from '../content/parts.js';
import * as A from '@tracehound/core/attributes';
import { chatRedaction } from './redaction.js';
import { chatModeration } from './moderation.js';
import { chatUsage, commonRequestAttributes, openaiProvider, toolDefinitions } from './openai-common.js';
import {
  appendBounded,
  arr,
  rec,
  str,
  type ModerationVerdict,
  type OperationMapping,
  type ResponseSummary,
  type StreamAccumulator,
  type Usage,
} from './types.js';

function contentParts(content: unknown): Part[] {
  if (typeof content === 'string') return [{ type: 'text', content }];
  const parts: Part[] = [];
  for (const c of arr(content)) {
    const r = rec(c);
    if (!r) continue;
    if (r.type === 'text' && typeof r.text === 'string') parts.push({ type: 'text', content: r.text });
    else if (r.type === 'image_url') {
      const url = str(rec(r.image_url)?.url) ?? '';
      parts.push(
        url.startsWith('data:') ? { type: 'blob', modality: 'image' } : { type: 'uri', modality: 'image', uri: url },
      );
    } else if (r.type === 'input_audio') parts.push({ type: 'blob', modality: 'audio' });
    else if (r.type === 'file') parts.push({ type: 'blob', modality: 'file' });
    else if (r.type === 'refusal' && typeof r.refusal === 'string') parts.push({ type: 'text', content: r.refusal });
  }
  return parts;
}

function toolCallParts(toolCalls: unknown): Part[] {
  const parts: Part[] = [];
  for (const tc of arr(toolCalls)) {
    const r = rec(tc);
    if (!r) continue;
    const fn = rec(r.function) ?? rec(r.custom);
    parts.push({
      type: 'tool_call',
      id: str(r.id),
      name: str(fn?.name) ?? 'unknown',
      arguments: str(fn?.arguments) ?? str(fn?.input),
    });
  }
  return parts;
}

export function chatRequestContent(messages: unknown): RequestContent {
  const system: Part[] = [];
  const out: GenAiMessage[] = [];
  for (const m of arr(messages)) {
    const r = rec(m);
    if (!r) continue;
    const role = str(r.role) ?? 'user';
    if (role === 'system' || role === 'developer') {
      system.push(...contentParts(r.content));
    } else if (role === 'tool' || role === 'function') {
      out.push({
        role: 'tool',
        parts: [{ type: 'tool_call_response', id: str(r.tool_call_id), response: asText(r.content) }],
      });
    } else {
      const parts = contentParts(r.content);
      if (role === 'assistant') parts.push(...toolCallParts(r.tool_calls));
      out.push({ role, parts });
    }
  }
  return { system, messages: out };
}

function choiceMessage(choice: Record<string, unknown>): GenAiMessage {
  const msg = rec(choice.message) ?? {};
  const parts: Part[] = [];
  if (typeof msg.content === 'string' && msg.content) parts.push({ type: 'text', content: msg.content });
  if (typeof msg.refusal === 'string' && msg.refusal) parts.push({ type: 'text', content: msg.refusal });
  parts.push(...toolCallParts(msg.tool_calls));
  const m: GenAiMessage = { role: str(msg.role) ?? 'assistant', parts };
  const fr = str(choice.finish_reason);
  if (fr) m.finish_reason = fr;
  return m;
}

export function chatResponse(data: unknown, needContent: boolean, provider: string): ResponseSummary {
  const body = rec(data);
  if (!body) return {};
  const choices = arr(body.choices)
    .map(rec)
    .filter((c): c is Record<string, unknown> => !!c);
  return {
    responseModel: str(body.model),
    responseId: str(body.id),
    finishReasons: choices.map((c) => str(c.finish_reason)).filter((f): f is string => !!f),
    usage: chatUsage(body.usage),
    output: needContent ? choices.map(choiceMessage) : undefined,
    moderation: chatModeration(body, provider === A.PROVIDER_AZURE_OPENAI ? 'azure' : 'openai'),
  };
}

interface ChoiceState {
  text: string;
  refusal: string;
  finish?: string;
  tools: Map<number, { id?: string; name: string; args: string }>;
}

/** Rebuilds the response from chat.completion.chunk events (content, refusal and tool-call deltas, usage chunk). */
export function chatStreamAccumulator(needContent: boolean, provider: string): StreamAccumulator {
  const choices = new Map<number, ChoiceState>();
  let id: string | undefined;
  let model: string | undefined;
  let usage: Usage | undefined;
  const moderation: ModerationVerdict[] = [];
  const source = provider === A.PROVIDER_AZURE_OPENAI ? 'azure' : 'openai';
  return {
    push(chunk) {
      const c = rec(chunk);
      if (!c) return;
      id ??= str(c.id);
      model ??= str(c.model) || undefined;
      if (c.usage) usage = chatUsage(c.usage);
      if (moderation.length < 32) moderation.push(...chatModeration(c, source));
      for (const ch of arr(c.choices)) {
        const r = rec(ch);
        if (!r) continue;
        const index = typeof r.index === 'number' ? r.index : 0;
        let st = choices.get(index);
        if (!st) {
          if (choices.size >= 16) continue;
          st = { text: '', refusal: '', tools: new Map() };
          choices.set(index, st);
        }
        if (r.finish_reason) st.finish = str(r.finish_reason);
        const delta = rec(r.delta);
        if (!delta || !needContent) continue;
        st.text = appendBounded(st.text, delta.content);
        st.refusal = appendBounded(st.refusal, delta.refusal);
        for (const tc of arr(delta.tool_calls)) {
          const t = rec(tc);
          if (!t) continue;
          const ti = typeof t.index === 'number' ? t.index : 0;
          let tool = st.tools.get(ti);
          if (!tool) {
            if (st.tools.size >= 64) continue;
            tool = { name: '', args: '' };
            st.tools.set(ti, tool);
          }
          tool.id ??= str(t.id);
          const fn = rec(t.function);
          if (fn) {
            if (typeof fn.name === 'string') tool.name += fn.name;
            tool.args = appendBounded(tool.args, fn.arguments);
          }
        }
      }
    },
    finish() {
      const ordered = [...choices.entries()].sort((a, b) => a[0] - b[0]).map(([, s]) => s);
      const output: GenAiMessage[] | undefined = needContent
        ? ordered.map((s) => {
            const parts: Part[] = [];
            if (s.text) parts.push({ type: 'text', content: s.text });
            if (s.refusal) parts.push({ type: 'text', content: s.refusal });
            for (const [, t] of [...s.tools.entries()].sort((a, b) => a[0] - b[0])) {
              parts.push({ type: 'tool_call', id: t.id, name: t.name || 'unknown', arguments: t.args });
            }
            const m: GenAiMessage = { role: 'assistant', parts };
            if (s.finish) m.finish_reason = s.finish;
            return m;
          })
        : undefined;
      return {
        responseId: id,
        responseModel: model,
        finishReasons: ordered.map((s) => s.finish).filter((f): f is string => !!f),
        usage,
        output,
        moderation,
      };
    },
  };
}

export const openaiChatMapping: OperationMapping = {
  operation: A.OP_CHAT,
  provider: openaiProvider,
  request(p, needContent) {
    const attributes = commonRequestAttributes(p, 'max_completion_tokens');
    const defs = toolDefinitions(p.tools);
    if (defs) attributes[A.GEN_AI_TOOL_DEFINITIONS] = defs;
    return { model: str(p.model), attributes, content: needContent ? chatRequestContent(p.messages) : undefined };
  },
  response: chatResponse,
  stream: chatStreamAccumulator,
  redaction: chatRedaction,
};
