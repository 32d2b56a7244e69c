/**
 * Fresh trace and span ids for every request a benchmark sends. The load generator cycles a few pre-built bodies; a
 * span the service has analysed before is a replay (a retried batch: correlate/trace-context.ts answers it from
 * memory without detection), so cycling the same ids would measure replays, not detection. Each request is a copy of
 * a pre-built body with the first four bytes of every trace and span id replaced by the request's sequence number:
 * distinct across requests, and within a request the remaining random bytes keep them apart.
 */

/** Byte offsets of a body's trace and span ids (each found after the previous: spans are encoded in order). */
export function idOffsets(body: Buffer, ids: Buffer[]): number[] {
  const out: number[] = [];
  let from = 0;
  for (const id of ids) {
    const at = body.indexOf(id, from);
    if (at < 0) throw new Error('bench: an id is not in the encoded request');
    out.push(at);
    from = at + id.length;
  }
  return out;
}

/** A copy of `body` whose ids at `offsets` start with `sequence` (big-endian uint32). */
export function withFreshIds(body: Buffer, offsets: number[], sequence: number): Buffer {
  const copy = Buffer.from(body);
  for (const at of offsets) copy.writeUInt32BE(sequence >>> 0, at);
  return copy;
}
