import { checkConfigFile, DEFAULT_CONFIG_FILE, formatProblem } from '../../config/index.js';
import type { Command } from '../command.js';
import { describeConfig } from '../describe.js';
import { loadConsole, loadEngine, loadResponse, loadService, type CliConsole } from '../engine-port.js';

/** Extra time, beyond server.shutdownTimeoutMs, before a stuck shutdown is abandoned. */
const SHUTDOWN_GRACE_MS = 8000;

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Run the OTLP processor: receive, detect, emit findings, forward to the next hop.',
  synopsis: 'tracehound serve [--config FILE]',
  help: `Without --config the embedded default runs: OTLP/HTTP on 127.0.0.1:4320, OTLP/gRPC on 127.0.0.1:4321, findings
printed on stderr and appended to ./tracehound-findings.jsonl, no next hop. TRACEHOUND_* environment variables
override endpoints and secrets (docs/configuration.md).

Options:
  -c, --config FILE   configuration file (YAML), validated once at start-up

SIGTERM or SIGINT drains in-flight requests (up to server.shutdownTimeoutMs) and exits; a second signal exits at once.
Exports still in flight at the deadline are answered (503, so clients retry, unless the next hop already accepted
them) before the connections close; that shutdown is unclean.
SIGHUP re-reads the analysts' suppressions file (response.review.suppressionsFile, docs/response.md).
Exit codes: 0 clean shutdown, 1 invalid configuration, start-up failure or unclean shutdown, 2 usage error.
`,
  options: { config: { type: 'string', short: 'c' } },
  positionals: [0, 0],
  async run({ values }, io) {
    // The one start-up check, the same function validate-config runs: what it accepts, serve accepts.
    const file = (values.config as string | undefined) ?? DEFAULT_CONFIG_FILE;
    const { config, errors } = checkConfigFile(file, io.env);
    if (!config) {
      io.err(`tracehound serve: invalid configuration ${file}\n`);
      for (const p of errors) io.err(`  ${formatProblem(p)}\n`);
      return 1;
    }
    // Listen for signals before anything starts: a SIGTERM during start-up must drain, not kill.
    const firstSignal = io.untilSignal();
    // Loaded here, not at the top: --help and the other commands do not pay for the logger and metrics.
    const { createLogger } = await import('../../log/logger.js');
    const { getDefaultRegistry } = await import('../../metrics/registry.js');
    const registry = getDefaultRegistry();
    const logger = createLogger();
    let backend: CliConsole;
    try {
      backend = await loadConsole(config, logger, registry);
    } catch (err) {
      io.err(`tracehound serve: ${(err as Error).message}\n`);
      return 1;
    }
    const response = await loadResponse(config, io.env, logger, registry, backend.persistence);
    const engine = await loadEngine(config, {
      behavior: true,
      outputSinks: true,
      registry,
      logger,
      extensions: [...response.extensions, ...backend.extensions],
      sinks: [...response.sinks, ...backend.sinks],
      blocks: response.blocks,
    });
    const service = await loadService(
      config,
      engine.stages(),
      logger,
      registry,
      (app) => backend.routes(app),
      () => engine.unready(),
    );
    let ports: { httpPort: number; grpcPort: number };
    // SIGHUP re-reads the analysts' suppressions file (response.review.suppressionsFile).
    const onHangup = () => void response.reload();
    try {
      await response.start(engine);
      backend.bind(engine, response);
      ports = await service.start();
      process.on('SIGHUP', onHangup);
    } catch (err) {
      await response.shutdown();
      await engine.shutdown();
      const cause = (err as { code?: string }).code;
      io.err(`tracehound serve: TH_SERVE_START${cause ? ` (${cause})` : ''}: ${(err as Error).message}\n`);
      return 1;
    }
    await io.out(
      `tracehound listening (${values.config ? String(values.config) : 'embedded default config'})\n${describeConfig(config, ports)}`,
    );

    const signal = await firstSignal;
    io.err(
      `tracehound: ${signal} received, draining (up to ${config.server.shutdownTimeoutMs} ms; signal again to exit now)\n`,
    );
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      (async () => {
        process.off('SIGHUP', onHangup);
        const { clean } = await service.shutdown();
        await response.shutdown();
        await engine.shutdown();
        // Unclean: the deadline passed with exports in flight (answered 503 or cut), or findings were dropped.
        return clean ? ('drained' as const) : ('unclean' as const);
      })().catch(() => 'failed' as const),
      io.untilSignal().then(() => 'interrupted' as const),
      new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), config.server.shutdownTimeoutMs + SHUTDOWN_GRACE_MS);
        timer.unref();
      }),
    ]);
    clearTimeout(timer);
    if (outcome !== 'drained') io.err(`tracehound: shutdown ${outcome}\n`);
    return outcome === 'drained' ? 0 : 1;
  },
};
