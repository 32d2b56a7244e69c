import type { TracehoundConfig } from '../config/index.js';

/** A few lines saying what a configuration will do: where it listens, where data and findings go. */
export function describeConfig(c: TracehoundConfig, ports?: { httpPort: number; grpcPort: number }): string {
  const lines: string[] = [];
  const auth = c.server.authToken ? ', bearer token required' : '';
  if (c.server.http.enabled) {
    const scheme = c.server.http.tls ? 'https' : 'http';
    lines.push(
      `  OTLP/HTTP  ${scheme}://${hostForUrl(c.server.http.host)}:${ports?.httpPort ?? c.server.http.port}  (POST /v1/traces, /v1/logs, /v1/metrics${auth})`,
    );
  }
  if (c.server.grpc.enabled) {
    lines.push(
      `  OTLP/gRPC  ${hostForUrl(c.server.grpc.host)}:${ports?.grpcPort ?? c.server.grpc.port}${c.server.grpc.tls ? ' (TLS)' : ''}${auth}`,
    );
  }
  lines.push(
    `  next hop   ${c.forward.endpoint ? `${c.forward.endpoint} (OTLP/HTTP protobuf, compression ${c.forward.compression})` : 'none: data is inspected, then dropped'}`,
  );
  const sinks = [
    c.findings.file ? `file ${c.findings.file}` : '',
    c.findings.console ? 'console (stderr)' : '',
    c.findings.forward && c.forward.endpoint ? 'next hop (OTLP logs)' : '',
  ]
    .filter(Boolean)
    .join(', ');
  lines.push(`  findings   ${sinks || 'nowhere (findings.file empty, console and forward off)'}`);
  lines.push(`  capture    ${c.capture.mode}`);
  return `${lines.join('\n')}\n`;
}

function hostForUrl(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}
