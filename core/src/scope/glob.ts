/** Name globs of scopes (tools, sources): `*` matches any run of characters, anywhere; case-insensitive. */

/** Compiled globs: each one split on `*` (lower-cased), matched left to right without regular expressions. */
export class GlobSet {
  private readonly parts: ReadonlyArray<readonly string[]>;

  constructor(globs: readonly string[]) {
    this.parts = globs.filter((g) => g.length > 0).map((g) => g.toLowerCase().split('*'));
  }

  get empty(): boolean {
    return this.parts.length === 0;
  }

  matches(value: string | undefined): boolean {
    if (!value) return false;
    const v = value.toLowerCase();
    return this.parts.some((p) => matchParts(p, v));
  }
}

function matchParts(parts: readonly string[], v: string): boolean {
  if (parts.length === 1) return parts[0] === v;
  const first = parts[0];
  const last = parts[parts.length - 1];
  if (!v.startsWith(first) || v.length < first.length + last.length || !v.endsWith(last)) return false;
  let at = first.length;
  const end = v.length - last.length;
  for (let i = 1; i < parts.length - 1; i++) {
    const idx = v.indexOf(parts[i], at);
    if (idx < 0 || idx + parts[i].length > end) return false;
    at = idx + parts[i].length;
  }
  return true;
}

/**
 * Is `host` in the allowlist? Entries are host names (exact, case-insensitive; an entry's `:port` must match when
 * given) or `*.domain` (any subdomain). What task egress scopes mean, on both sides of the wire.
 */
export function hostInList(host: string, allowlist: readonly string[]): boolean {
  const h = host.trim().toLowerCase().replace(/\.$/, '');
  const bare = h.replace(/:[0-9]+$/, '');
  for (const raw of allowlist) {
    const e = raw.trim().toLowerCase();
    if (e.startsWith('*.')) {
      const suffix = e.slice(1);
      if (bare.endsWith(suffix) && bare.length > suffix.length) return true;
    } else if (e === h || e === bare) return true;
  }
  return false;
}
