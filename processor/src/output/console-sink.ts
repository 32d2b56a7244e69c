import type { Finding } from '@tracehound/core';
import { findingSummary } from '../enrich/finding-log.js';
import type { FindingSink } from './sink.js';
import { SinkAccounting, type SinkAccountingOptions } from './sink-accounting.js';

/** Prints one line per finding (rule, severity, who; never content beyond the redacted evidence). */
export class ConsoleSink implements FindingSink {
  readonly name = 'console';
  readonly accounting: SinkAccounting;

  constructor(
    private readonly out: (line: string) => void = (l) => process.stderr.write(l + '\n'),
    opts: SinkAccountingOptions = {},
  ) {
    this.accounting = new SinkAccounting(this.name, opts);
  }

  write(findings: readonly Finding[]): void {
    if (!this.accounting.admit(findings.length)) return;
    for (const f of findings)
      this.out(`tracehound finding ${findingSummary(f)} evidence=${JSON.stringify(f.evidence)}`);
    this.accounting.written(findings.length);
  }

  async forceFlush(): Promise<void> {}

  async shutdown(): Promise<void> {
    this.accounting.close();
  }
}
