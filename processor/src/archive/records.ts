/** What callers append to the archive, and helpers turning findings and spans into such records. */
import type { Finding } from '@tracehound/core';

/** A record as appended. The archive adds seq, prev, at and hash. ('retention' and 'recovery' are written by the archive itself.) */
export interface ArchiveRecord {
  type: 'finding' | 'span';
  /** Event time, ms since the epoch (defaults to the archive clock). */
  time?: number;
  traceId?: string;
  spanId?: string;
  session?: string;
  /** JSON-compatible content; bigints become decimal strings, Uint8Arrays hex. Must already be redacted or hashed. */
  data: unknown;
}

const MAX_DEPTH = 32;

/** A JSON-safe copy: bigint → decimal string, Uint8Array → hex, Date → ISO, non-finite numbers → null, cycles cut. */
export function toJsonSafe(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'bigint':
      return value.toString(10);
    case 'object': {
      if (value === null) return null;
      if (depth >= MAX_DEPTH || seen.has(value)) return null;
      if (value instanceof Uint8Array)
        return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex');
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
      seen.add(value);
      let out: unknown;
      if (Array.isArray(value)) {
        out = value.map((v) => {
          const s = toJsonSafe(v, depth + 1, seen);
          return s === undefined ? null : s;
        });
      } else {
        const obj: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value)) {
          const s = toJsonSafe(v, depth + 1, seen);
          if (s !== undefined) obj[k] = s;
        }
        out = obj;
      }
      seen.delete(value);
      return out;
    }
    default:
      return undefined; // undefined, functions, symbols
  }
}

function nanosToMs(ns: bigint): number {
  return Number(ns / 1_000_000n);
}

/** The archive record of a finding (its evidence is already redacted by contract). */
export function findingRecord(finding: Finding): ArchiveRecord {
  return {
    type: 'finding',
    time: nanosToMs(finding.timeUnixNano),
    traceId: finding.traceId || undefined,
    spanId: finding.spanId || undefined,
    session: finding.context.session,
    data: toJsonSafe(finding),
  };
}
