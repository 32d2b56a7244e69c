import type { Finding } from '@tracehound/core';

/**
 * Somewhere findings go besides the forwarded OTLP logs (a JSONL file, the console, the archive, webhooks).
 * write() must not block or throw: sinks queue (bounded) and report their own failures through metrics/logs.
 */
export interface FindingSink {
  readonly name: string;
  write(findings: readonly Finding[]): void;
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
}

/** A finding as one JSON object (bigint time as a decimal string). */
export function findingToJson(f: Finding): Record<string, unknown> {
  return { ...f, timeUnixNano: f.timeUnixNano.toString() };
}
