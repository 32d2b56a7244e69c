import { readFileSync } from 'node:fs';

/**
 * CPU time consumed, for benchmarks on a shared machine: spans per second depend on what else runs, CPU per span much
 * less. `process` is every thread of this process (event loop, detection workers, V8's GC and compiler threads);
 * `main` the event loop's thread alone (Linux /proc/thread-self; undefined elsewhere). Microseconds.
 */
interface CpuSnapshot {
  process: number;
  main?: number;
}

/** Clock ticks per second of /proc's utime and stime (USER_HZ, 100 on Linux). */
const USER_HZ = 100;

function mainThreadMicros(): number | undefined {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15 of the whole line.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) / USER_HZ) * 1e6;
  } catch {
    return undefined;
  }
}

export function cpuSnapshot(): CpuSnapshot {
  const u = process.cpuUsage();
  return { process: u.user + u.system, main: mainThreadMicros() };
}

/** CPU microseconds per unit of work between two snapshots. */
export function cpuPer(before: CpuSnapshot, after: CpuSnapshot, units: number): { process: number; main?: number } {
  const n = Math.max(1, units);
  return {
    process: (after.process - before.process) / n,
    main: before.main !== undefined && after.main !== undefined ? (after.main - before.main) / n : undefined,
  };
}
