/**
 * The JavaScript fallback of the privacy primitives' regex engine (used when `re2` is not installed, as in an app
 * with only @tracehound/instrumentation): RE2 syntax the patterns use is translated, and the results agree with RE2.
 * test/packaging/ runs the real thing: the packed instrumentation redacting in an app without re2.
 */
import { describe, expect, it } from 'vitest';
import { RE2, regexEngine } from '../src/regex.js';
import { toJavaScriptPattern } from '../src/regex-js.js';

describe('toJavaScriptPattern', () => {
  it('turns leading inline flags into RegExp flags and leaves other patterns alone', () => {
    expect(toJavaScriptPattern('(?i)\\bbearer\\s+x', 'g')).toEqual({ source: '\\bbearer\\s+x', flags: 'gi' });
    expect(toJavaScriptPattern('(?is)a.b')).toEqual({ source: 'a.b', flags: 'is' });
    expect(toJavaScriptPattern(String.raw`\bx[a-c]\p{Lu}`, 'gu')).toEqual({
      source: String.raw`\bx[a-c]\p{Lu}`,
      flags: 'gu',
    });
  });

  it('spells the letters of a case-insensitive scope in both cases, classes and escapes included', () => {
    expect(toJavaScriptPattern(String.raw`x(?i:ab[c-e_\-]\bz)y`).source).toBe(
      String.raw`x(?:[aA][bB][c-e_\-C-E]\b[zZ])y`,
    );
    expect(toJavaScriptPattern(String.raw`(?:a(?i)b)c`).source).toBe(String.raw`(?:a[bB])c`);
    expect(toJavaScriptPattern('(?i:straße)').source).toBe('(?:[sS][tT][rR][aA]ß[eE])');
  });

  it('matches what RE2 matches on case-insensitive credential patterns', () => {
    const source = String.raw`(?i)\bbearer\s+[A-Za-z0-9._~+/\-]{20,}=*`;
    const js = toJavaScriptPattern(source, 'g');
    const text =
      'Authorization: BEARER abcdefghijklmnopqrstuvwxyz012345 and bearer short and Bearer ABCDEFGHIJKLMNOPQRSTUV==';
    const viaJs = [...text.matchAll(new RegExp(js.source, js.flags))].map((m) => m[0]);
    expect(regexEngine, 'the repository installs re2 (through the processor)').toBe('re2');
    const viaRe2 = [...text.matchAll(new RE2(source, 'g'))].map((m) => m[0]);
    expect(viaJs).toEqual(viaRe2);
    expect(viaJs).toHaveLength(2);
  });
});
