/**
 * A corpus row as the Interaction a span would carry (docs/DETECTION.md, "Rows with context"): what `tracehound scan`
 * would see after normalizing a span of any dialect that holds the row's text on its channel.
 */
import { emptyInteraction, type Interaction, type Message } from '@tracehound/core';
import type { CorpusRow } from '../lib/corpus.js';

export function rowInteraction(row: Pick<CorpusRow, 'text' | 'channel' | 'system' | 'request' | 'tool'>): Interaction {
  const ix = emptyInteraction('llm_call', 'eval');
  ix.span = { traceId: '', spanId: '', name: 'eval' };
  const user = (content: string): Message => ({ role: 'user', content });
  switch (row.channel) {
    case 'document':
      // A retrieved document the model reads, judged against the user's own request when the row has one.
      ix.kind = 'retrieval';
      ix.documents = [{ content: row.text, trust: 'untrusted' }];
      if (row.request) ix.input = [user(row.request)];
      break;
    case 'tool_result':
      ix.input = [...(row.request ? [user(row.request)] : []), { role: 'tool', content: row.text }];
      break;
    case 'output':
      if (row.request) ix.input = [user(row.request)];
      ix.output = [{ role: 'assistant', content: row.text }];
      break;
    case 'tool_call':
      if (row.request) ix.input = [user(row.request)];
      ix.output = [
        { role: 'assistant', content: '', toolCalls: [{ name: row.tool ?? 'eval_tool', arguments: row.text }] },
      ];
      break;
    default:
      ix.input = [user(row.text)];
  }
  if (row.system) ix.systemInstructions = row.system;
  return ix;
}
