import type { Interaction, Message } from '@tracehound/core';
import type { ChannelText } from './detector.js';

/** The messages that are new in this call: everything after the last assistant message of the input. */
export function newTurn(messages: Message[]): Message[] {
  let last = -1;
  for (let i = messages.length - 1; i >= 0; i--) {
    if (messages[i].role === 'assistant') {
      last = i;
      break;
    }
  }
  return messages.slice(last + 1);
}

/** Split an Interaction into the raw texts detectors scan, one entry per channel and source. */
export function channelTexts(ix: Interaction): ChannelText[] {
  const out: ChannelText[] = [];
  const push = (t: ChannelText) => {
    if (t.text && t.text.trim().length > 0) out.push(t);
  };
  if (ix.systemInstructions) push({ channel: 'system', text: ix.systemInstructions, origin: 'raw' });
  ix.input.forEach((m, index) => {
    if (m.role === 'system' || m.role === 'developer')
      push({ channel: 'system', text: m.content, origin: 'raw', index });
  });
  const turn = newTurn(ix.input);
  const offset = ix.input.length - turn.length;
  turn.forEach((m, i) => {
    if (m.role === 'user' || m.role === 'unknown')
      push({ channel: 'prompt', text: m.content, origin: 'raw', index: offset + i });
    else if (m.role === 'tool') push({ channel: 'tool_result', text: m.content, origin: 'raw', index: offset + i });
  });
  ix.documents.forEach((d, index) => {
    if (d.content) push({ channel: 'document', text: d.content, origin: 'raw', index });
  });
  ix.output.forEach((m, index) => {
    push({ channel: 'output', text: m.content, origin: 'raw', index });
    for (const call of m.toolCalls ?? [])
      push({ channel: 'tool_call', text: call.arguments ?? '', origin: 'raw', index });
  });
  if (ix.tool) {
    if (ix.tool.arguments) push({ channel: 'tool_call', text: ix.tool.arguments, origin: 'raw' });
    if (ix.tool.result) push({ channel: 'tool_result', text: ix.tool.result, origin: 'raw' });
  }
  return out;
}
