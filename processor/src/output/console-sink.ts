import type { Finding } from '@tracehound/core';
import { findingSummary } from '../enrich/finding-log.js';
import type { FindingSink } from './sink.js';

/** Prints one line per finding (rule, severity, who; never content beyond the redacted evidence). */
export class ConsoleSink implements FindingSink {
  readonly name = 'console';
  constructor(private readonly out: (line: string) => void = (l) => process.stderr.write(l + '\n')) {}

  write(findings: readonly Finding[]): void {
    for (const f of findings)
      this.out(`tracehound finding ${findingSummary(f)} evidence=${JSON.stringify(f.evidence)}`);
  }

  async forceFlush(): Promise<void> {}
  async shutdown(): Promise<void> {}
}
