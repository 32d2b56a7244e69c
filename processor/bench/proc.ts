/**
 * Helpers of the soak runs that drive `tracehound serve` as a child process: a free local port, a process's resident
 * memory (Linux /proc), and the sum of a metric's samples in a Prometheus text scrape.
 */
import { readFileSync } from 'node:fs';
import net, { type AddressInfo } from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}

/** Resident set size of a process in KiB (0 when it cannot be read). */
export function rssKb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Sum of every sample of metric `name` in a scrape, optionally only those whose line holds `label`. */
export function metricTotal(text: string, name: string, label?: string): number {
  let total = 0;
  for (const line of text.split('\n'))
    if (
      line.startsWith(name) &&
      (line[name.length] === '{' || line[name.length] === ' ') &&
      (!label || line.includes(label))
    )
      total += Number(line.slice(line.lastIndexOf(' ') + 1)) || 0;
  return total;
}
