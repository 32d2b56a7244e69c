import type { Channel, Interaction } from '@tracehound/core';

/** A text of the interaction a tier looks at, with the channel its finding names. */
export interface TierText {
  channel: Channel;
  text: string;
}

/** At most this many retrieved documents per span go to the classifier (bounded cost per span). */
const MAX_DOCUMENTS = 4;

/** The last user message: the attempt itself (earlier turns were seen on their own spans). */
export function lastUserText(ix: Interaction): string {
  for (let i = ix.input.length - 1; i >= 0; i--) {
    const m = ix.input[i]!;
    if (m.role === 'user' && m.content) return m.content;
  }
  return '';
}

/** What the classifier scores: the last user message, retrieved documents, the tool result. */
export function classifierTexts(ix: Interaction): TierText[] {
  const out: TierText[] = [];
  const prompt = lastUserText(ix);
  if (prompt) out.push({ channel: 'prompt', text: prompt });
  for (const d of ix.documents.slice(0, MAX_DOCUMENTS))
    if (d.content) out.push({ channel: 'document', text: d.content });
  if (ix.tool?.result) out.push({ channel: 'tool_result', text: ix.tool.result });
  return out;
}

export function outputText(ix: Interaction): string {
  return ix.output
    .map((m) => m.content)
    .filter(Boolean)
    .join('\n');
}
