/** Small typed readers over flattened OTLP attributes, and grouping of `prefix.N.rest` indexed keys. */
import type { AttrValue, Attributes } from '@tracehound/core';

/** Indexed keys above this are ignored: bounds the work a hostile span can cause. */
export const MAX_INDEX = 4096;

export function str(attrs: Attributes, key: string): string | undefined {
  const v = attrs[key];
  if (typeof v === 'string') return v.length > 0 ? v : undefined;
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  return undefined;
}

/** First non-empty string among several keys. */
export function firstStr(attrs: Attributes, keys: readonly string[]): string | undefined {
  for (const k of keys) {
    const v = str(attrs, k);
    if (v !== undefined) return v;
  }
  return undefined;
}

export function num(attrs: Attributes, key: string): number | undefined {
  const v = attrs[key];
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string' && v.length > 0 && v.length < 32) {
    const n = Number(v);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

export function firstNum(attrs: Attributes, keys: readonly string[]): number | undefined {
  for (const k of keys) {
    const v = num(attrs, k);
    if (v !== undefined) return v;
  }
  return undefined;
}

export function bool(attrs: Attributes, key: string): boolean | undefined {
  const v = attrs[key];
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  return undefined;
}

/**
 * A string list: an OTLP array of strings, a JSON array in a string, or a comma-separated string.
 * Capped so a hostile attribute cannot explode.
 */
export function strList(v: AttrValue | undefined, max = 1024): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  let items: unknown[] | undefined;
  if (Array.isArray(v)) items = v;
  else if (typeof v === 'string') {
    const t = v.trim();
    if (t.length === 0) return undefined;
    if (t.charCodeAt(0) === 91 && t.length <= 1 << 16) {
      try {
        const parsed = JSON.parse(t) as unknown;
        if (Array.isArray(parsed)) items = parsed;
      } catch {
        // fall through to the comma-separated reading
      }
    }
    if (!items) items = t.split(',');
  }
  if (!items) return undefined;
  const out: string[] = [];
  for (const it of items) {
    if (out.length >= max) break;
    if (typeof it === 'string') {
      const s = it.trim();
      if (s) out.push(s);
    } else if (typeof it === 'number') out.push(String(it));
  }
  return out.length > 0 ? out : undefined;
}

/** One `prefix.N.*` group: the remaining key (after `N.`) and its value. */
export type Entry = [rest: string, value: AttrValue];

/**
 * Group `prefix.N.rest` entries by N (ascending). Works on any entry list, so nested lists
 * (`message.tool_calls.M.tool_call.*`) are grouped by calling it again on a group.
 */
export function groupIndexed(entries: Iterable<Entry>, prefix: string): Array<[number, Entry[]]> {
  const groups = new Map<number, Entry[]>();
  const plen = prefix.length;
  for (const [key, value] of entries) {
    if (key.length <= plen || !key.startsWith(prefix)) continue;
    let i = plen;
    let n = 0;
    let digits = 0;
    while (i < key.length) {
      const c = key.charCodeAt(i);
      if (c < 48 || c > 57) break;
      n = n * 10 + (c - 48);
      i++;
      if (++digits > 6) break;
    }
    if (digits === 0 || digits > 6 || n > MAX_INDEX) continue;
    let rest = '';
    if (i < key.length) {
      if (key.charCodeAt(i) !== 46 /* . */) continue;
      rest = key.slice(i + 1);
    }
    let g = groups.get(n);
    if (!g) {
      g = [];
      groups.set(n, g);
    }
    g.push([rest, value]);
  }
  return [...groups.entries()].sort((a, b) => a[0] - b[0]);
}

/** The attribute entries as [key, value] pairs (keys that start with a prefix, when given). */
export function entriesWithPrefix(attrs: Attributes, prefix: string): Entry[] {
  const out: Entry[] = [];
  for (const key in attrs) if (key.startsWith(prefix)) out.push([key, attrs[key]]);
  return out;
}

/** Look up a key inside an entry group. */
export function entryValue(group: readonly Entry[], rest: string): AttrValue | undefined {
  for (const [k, v] of group) if (k === rest) return v;
  return undefined;
}

export function entryStr(group: readonly Entry[], rest: string): string | undefined {
  const v = entryValue(group, rest);
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  return undefined;
}

export function entryNum(group: readonly Entry[], rest: string): number | undefined {
  const v = entryValue(group, rest);
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.length < 32) {
    const n = Number(v);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}
