/**
 * The message shape of the OTel GenAI conventions (`gen_ai.input.messages`, `gen_ai.output.messages`): a role and a
 * list of typed parts. Only the part types this package produces are modelled.
 */

export type Part =
  | { type: 'text'; content: string }
  | { type: 'reasoning'; content: string }
  | { type: 'tool_call'; id?: string; name: string; arguments?: string }
  | { type: 'tool_call_response'; id?: string; response: string }
  | { type: 'uri'; modality: string; uri: string }
  | { type: 'blob'; modality: string; mime_type?: string };

export interface GenAiMessage {
  role: string;
  parts: Part[];
  finish_reason?: string;
}

/** What a request carries, already mapped to the conventions' shape. */
export interface RequestContent {
  system: Part[];
  messages: GenAiMessage[];
}

/** Text of the parts a guard or a detector should read (text, tool arguments and tool results). */
export function partsText(parts: readonly Part[]): string {
  let out = '';
  for (const p of parts) {
    let t: string | undefined;
    if (p.type === 'text' || p.type === 'reasoning') t = p.content;
    else if (p.type === 'tool_call') t = p.arguments;
    else if (p.type === 'tool_call_response') t = p.response;
    if (t) out = out ? `${out}\n${t}` : t;
  }
  return out;
}

/** Coerces any SDK content value (string, array of text blocks, object) to a string without throwing. */
export function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value == null) return '';
  if (Array.isArray(value)) {
    const texts: string[] = [];
    for (const v of value) {
      if (typeof v === 'string') texts.push(v);
      else if (v && typeof v === 'object' && typeof (v as { text?: unknown }).text === 'string') {
        texts.push((v as { text: string }).text);
      }
    }
    return texts.join('\n');
  }
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}
