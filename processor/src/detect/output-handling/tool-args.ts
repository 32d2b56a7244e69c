/** The string values of tool-call arguments (JSON objects walked, bounded), or the whole text when it is not JSON. */

const MAX_VALUES = 256;
const MAX_DEPTH = 8;

function walk(v: unknown, depth: number, out: string[]): void {
  if (out.length >= MAX_VALUES || depth > MAX_DEPTH) return;
  if (typeof v === 'string') {
    if (v.length > 0) out.push(v);
  } else if (Array.isArray(v)) {
    for (const x of v) walk(x, depth + 1, out);
  } else if (v && typeof v === 'object') {
    for (const x of Object.values(v)) walk(x, depth + 1, out);
  }
}

export function argumentValues(text: string): string[] {
  const t = text.trim();
  if (t.startsWith('{') || t.startsWith('[')) {
    try {
      const out: string[] = [];
      walk(JSON.parse(t), 0, out);
      return out;
    } catch {
      // not JSON after all: scan the text as one value
    }
  }
  return [text];
}
