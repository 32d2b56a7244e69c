import { redactText } from '@tracehound/core/privacy';
import type { Interaction } from '@tracehound/core';
import type { JudgeTierConfig } from '../config.js';
import { lastUserText, outputText } from '../texts.js';
import { headTail } from '../windows.js';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** What the judge answered, once understood. */
export type JudgeVerdict =
  | { kind: 'attack'; score: number; reason?: string }
  | { kind: 'benign'; score: number }
  | { kind: 'unsafe'; categories: string[] }
  | { kind: 'safe' };

/**
 * The redacted texts of an interaction the judge may see. Every text passes redactText (secrets and PII masked, as
 * capture mode `redacted` masks them) whatever the capture mode: no raw secret ever leaves for the judge.
 */
export function judgeTexts(
  ix: Interaction,
  config: JudgeTierConfig,
): { system: string; input: string; output: string } {
  const cut = (t: string) => headTail(redactText(t), config.maxChars);
  return {
    system: cut(ix.systemInstructions ?? ''),
    input: cut(lastUserText(ix)),
    output: config.includeOutput ? cut(outputText(ix)) : '',
  };
}

/**
 * The chat messages of one judge request. json: the configured system prompt and the template filled in. llama_guard:
 * the conversation itself (user, then assistant when includeOutput), which the guard model's chat template wraps
 * in its own policy prompt.
 */
export function judgeMessages(
  texts: { system: string; input: string; output: string },
  config: JudgeTierConfig,
): ChatMessage[] {
  if (config.format === 'llama_guard') {
    const msgs: ChatMessage[] = [{ role: 'user', content: texts.input }];
    if (config.includeOutput && texts.output) msgs.push({ role: 'assistant', content: texts.output });
    return msgs;
  }
  const user = config.template.replace(
    /\{\{(system|input|output)\}\}/g,
    (_m, k: 'system' | 'input' | 'output') => texts[k],
  );
  return [
    { role: 'system', content: config.systemPrompt },
    { role: 'user', content: user },
  ];
}

/** The first balanced {...} object in a text (judges often wrap JSON in prose or code fences). */
function firstJsonObject(text: string): unknown {
  const start = text.indexOf('{');
  if (start < 0) return undefined;
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) {
      try {
        return JSON.parse(text.slice(start, i + 1));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** Parses the judge's answer; undefined when it is not in the configured format (counted as a parse failure). */
export function parseVerdict(content: string, format: JudgeTierConfig['format']): JudgeVerdict | undefined {
  if (format === 'llama_guard') {
    const lines = content
      .trim()
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    const head = lines[0]?.toLowerCase();
    if (head === 'safe') return { kind: 'safe' };
    if (head !== 'unsafe') return undefined;
    const categories = (lines[1] ?? '').split(/[,\s]+/).filter((c) => /^S\d{1,2}$/.test(c));
    return { kind: 'unsafe', categories };
  }
  const obj = firstJsonObject(content) as { verdict?: unknown; score?: unknown; reason?: unknown } | undefined;
  if (!obj || typeof obj !== 'object') return undefined;
  const verdict = typeof obj.verdict === 'string' ? obj.verdict.toLowerCase() : undefined;
  const score = typeof obj.score === 'number' && obj.score >= 0 && obj.score <= 1 ? obj.score : undefined;
  if (verdict === 'attack')
    return {
      kind: 'attack',
      score: score ?? 1,
      reason: typeof obj.reason === 'string' ? obj.reason.slice(0, 200) : undefined,
    };
  if (verdict === 'benign') return { kind: 'benign', score: score ?? 0 };
  return undefined;
}
