/** Where the patched methods live in each SDK's module exports (the resource classes' prototypes). */
import { anthropicMessagesMapping } from '../mapping/anthropic-messages.js';
import { openaiChatMapping } from '../mapping/openai-chat.js';
import { openaiEmbeddingsMapping } from '../mapping/openai-embeddings.js';
import { openaiResponsesMapping } from '../mapping/openai-responses.js';
import type { OperationMapping } from '../mapping/types.js';

export interface PatchTarget {
  proto: Record<string, unknown>;
  method: string;
  mapping: OperationMapping;
}

type Ns = Record<string, unknown> | undefined;

function ns(v: unknown): Ns {
  return v && (typeof v === 'object' || typeof v === 'function') ? (v as Record<string, unknown>) : undefined;
}

function protoOf(cls: unknown): Record<string, unknown> | undefined {
  const p = ns(cls)?.prototype;
  return p && typeof p === 'object' && typeof (p as Record<string, unknown>).create === 'function'
    ? (p as Record<string, unknown>)
    : undefined;
}

function push(out: PatchTarget[], cls: unknown, mapping: OperationMapping): void {
  const proto = protoOf(cls);
  if (proto && !out.some((t) => t.proto === proto)) out.push({ proto, method: 'create', mapping });
}

/** openai v4–v7: OpenAI.Chat.Completions, OpenAI.Responses, OpenAI.Embeddings (shared by AzureOpenAI). */
export function openaiTargets(moduleExports: unknown): PatchTarget[] {
  const m = ns(moduleExports);
  const client = ns(m?.OpenAI) ?? ns(m?.default) ?? m;
  const out: PatchTarget[] = [];
  push(out, ns(ns(client?.Chat)?.Completions), openaiChatMapping);
  push(out, ns(client?.Responses), openaiResponsesMapping);
  push(out, ns(client?.Embeddings), openaiEmbeddingsMapping);
  return out;
}

/** @anthropic-ai/sdk: Anthropic.Messages and Anthropic.Beta.Messages. */
export function anthropicTargets(moduleExports: unknown): PatchTarget[] {
  const m = ns(moduleExports);
  const client = ns(m?.Anthropic) ?? ns(m?.default) ?? m;
  const out: PatchTarget[] = [];
  push(out, client?.Messages, anthropicMessagesMapping);
  push(out, ns(ns(client?.Beta)?.Messages), anthropicMessagesMapping);
  return out;
}
