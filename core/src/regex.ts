/**
 * The regular-expression engine of the privacy primitives: RE2 (linear time, `re2` package) when it is installed,
 * otherwise the JavaScript engine. The processor always has RE2 (a dependency of `@tracehound/processor`); the
 * instrumentation does not pull it in (an optional peer of this package), so an app that wants linear-time redaction
 * of untrusted text in-process adds `re2` itself. Every pattern in this package is written for RE2's syntax and uses
 * only bounded repetition, so the fallback stays fast on the inputs it gets. The RE2 constructs JavaScript lacks that
 * the patterns use (inline case-insensitivity flags) are translated by regex-js.ts.
 */
import { createRequire } from 'node:module';
import { toJavaScriptPattern } from './regex-js.js';

/** The part of a compiled RE2.Set this package uses. */
export interface PatternSet {
  /** Indexes of the patterns that match somewhere in the text. */
  match(text: string): number[];
  test(text: string): boolean;
}

export interface RegexEngine {
  new (source: string, flags?: string): RegExp;
  Set: new (sources: string[], flags?: string) => PatternSet;
}

function jsRegExp(source: string, flags?: string): RegExp {
  const js = toJavaScriptPattern(source, flags);
  return new RegExp(js.source, js.flags);
}

class JsPatternSet implements PatternSet {
  private readonly patterns: RegExp[];
  constructor(sources: string[], flags = '') {
    this.patterns = sources.map((s) => jsRegExp(s, flags.replace('g', '')));
  }
  match(text: string): number[] {
    const out: number[] = [];
    this.patterns.forEach((p, i) => {
      if (p.test(text)) out.push(i);
    });
    return out;
  }
  test(text: string): boolean {
    return this.patterns.some((p) => p.test(text));
  }
}

const JsEngine = Object.assign(
  function JsRegExp(source: string, flags?: string) {
    return jsRegExp(source, flags);
  } as unknown as new (source: string, flags?: string) => RegExp,
  { Set: JsPatternSet },
) as RegexEngine;

function loadRe2(): RegexEngine | undefined {
  try {
    return createRequire(import.meta.url)('re2') as RegexEngine;
  } catch {
    return undefined;
  }
}

const re2 = loadRe2();

/** RE2 when available, else the JavaScript engine with the same interface. */
export const RE2: RegexEngine = re2 ?? JsEngine;

/** Which engine the privacy primitives run on. */
export const regexEngine: 're2' | 'javascript' = re2 ? 're2' : 'javascript';
