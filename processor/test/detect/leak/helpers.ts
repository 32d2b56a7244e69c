import type { DetectionConfig } from '../../../src/detect/config.js';
import { detectionDefaults } from '../../../src/detect/config.js';
import type { DetectInput } from '../../../src/detect/detector.js';
import { channelTexts } from '../../../src/detect/texts.js';
import { emptyInteraction, type Interaction } from '@tracehound/core';

export function config(over: Partial<DetectionConfig> = {}): DetectionConfig {
  return { ...detectionDefaults, ...over };
}

/** An llm_call with the given output text (and optional system prompt / tool calls / documents). */
export function llmCall(opts: {
  output?: string;
  system?: string;
  prompt?: string;
  toolCalls?: { name: string; arguments: string }[];
  documents?: string[];
  finishReason?: string;
  canaries?: string[];
}): Interaction {
  const ix = emptyInteraction('llm_call', 'test');
  ix.systemInstructions = opts.system;
  if (opts.prompt) ix.input.push({ role: 'user', content: opts.prompt });
  ix.output.push({
    role: 'assistant',
    content: opts.output ?? '',
    toolCalls: opts.toolCalls,
    finishReason: opts.finishReason,
  });
  ix.documents = (opts.documents ?? []).map((content) => ({ content, trust: 'untrusted' as const }));
  ix.canaries = opts.canaries;
  return ix;
}

/** An execute_tool span. */
export function toolCall(opts: {
  name: string;
  arguments?: string;
  result?: string;
  targetUrl?: string;
  targetHost?: string;
  targetPath?: string;
}): Interaction {
  const ix = emptyInteraction('tool_call', 'test');
  ix.tool = { ...opts };
  return ix;
}

export function inputOf(ix: Interaction): DetectInput {
  return { interaction: ix, texts: channelTexts(ix) };
}
