/**
 * The environment variables register() reads — the same whether it is called by the app or by the
 * `--import @tracehound/instrumentation/register` hook. Options passed in code win over the environment. The OTLP
 * exporter reads its own OTEL_EXPORTER_OTLP_* variables (endpoint, headers, timeout, compression) and OpenTelemetry
 * reads OTEL_RESOURCE_ATTRIBUTES; both are listed here so the documentation has one table.
 */
import { warnOnce } from './codes.js';
import { captureModeInEnv, type CaptureMode } from './content/capture.js';

export interface EnvVariable {
  name: string;
  /** The register() option it sets, or what reads it. */
  option: string;
  meaning: string;
}

/** Every variable the instrumentation honours (instrumentation/README.md documents each; a test checks it). */
export const ENV_VARIABLES: readonly EnvVariable[] = [
  {
    name: 'TRACEHOUND_CAPTURE_CONTENT',
    option: 'captureContent',
    meaning: '`off`, `full`, `redacted` or `hashed`; wins over the next one',
  },
  {
    name: 'OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT',
    option: 'captureContent',
    meaning: '`true` means `full`, `false` means `off` (the OpenTelemetry GenAI convention)',
  },
  { name: 'TRACEHOUND_HMAC_KEY', option: 'hmacKey', meaning: 'the HMAC-SHA256 key of `hashed` mode' },
  {
    name: 'TRACEHOUND_MAX_CONTENT_LENGTH',
    option: 'maxContentLength',
    meaning: 'longest content attribute, an integer (at least 256)',
  },
  { name: 'TRACEHOUND_CANARIES', option: 'canaries', meaning: 'canary tokens, comma-separated' },
  { name: 'OTEL_SERVICE_NAME', option: 'serviceName', meaning: '`service.name` of the spans' },
  {
    name: 'OTEL_RESOURCE_ATTRIBUTES',
    option: '(resource)',
    meaning: 'more resource attributes, `key=value,key=value` (read by OpenTelemetry)',
  },
  {
    name: 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
    option: 'endpoint',
    meaning: 'the OTLP/HTTP traces URL, used as is',
  },
  {
    name: 'OTEL_EXPORTER_OTLP_ENDPOINT',
    option: 'endpoint',
    meaning: 'the OTLP/HTTP base URL, `/v1/traces` appended (default `http://127.0.0.1:4320`)',
  },
  {
    name: 'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL',
    option: '(exporter)',
    meaning: '`http/protobuf` (default) or `http/json`; wins over the next one',
  },
  { name: 'OTEL_EXPORTER_OTLP_PROTOCOL', option: '(exporter)', meaning: 'as above, for every signal' },
  {
    name: 'OTEL_EXPORTER_OTLP_HEADERS',
    option: '(exporter)',
    meaning: 'request headers `name=value,…` (read by the OTLP exporter, with the other `OTEL_EXPORTER_OTLP_*`)',
  },
];

export interface EnvOptions {
  captureContent?: CaptureMode;
  hmacKey?: string;
  maxContentLength?: number;
  canaries?: string[];
  serviceName?: string;
}

const MIN_MAX_CONTENT_LENGTH = 256;

function present(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const v = env[name]?.trim();
  return v ? v : undefined;
}

/** The register() options the environment sets (only those it sets). Invalid values warn once (TH_INSTR_ENV). */
export function optionsFromEnv(env: NodeJS.ProcessEnv): EnvOptions {
  const out: EnvOptions = {};
  const mode = captureModeInEnv(env);
  if (mode !== undefined) out.captureContent = mode;
  const key = present(env, 'TRACEHOUND_HMAC_KEY');
  if (key !== undefined) out.hmacKey = key;
  const max = present(env, 'TRACEHOUND_MAX_CONTENT_LENGTH');
  if (max !== undefined) {
    const n = Number(max);
    if (Number.isInteger(n) && n >= MIN_MAX_CONTENT_LENGTH) out.maxContentLength = n;
    else
      warnOnce(
        'TRACEHOUND_MAX_CONTENT_LENGTH',
        'TH_INSTR_ENV',
        `TRACEHOUND_MAX_CONTENT_LENGTH must be an integer of at least ${MIN_MAX_CONTENT_LENGTH}`,
      );
  }
  const canaries = present(env, 'TRACEHOUND_CANARIES')
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (canaries?.length) out.canaries = canaries;
  const service = present(env, 'OTEL_SERVICE_NAME');
  if (service !== undefined) out.serviceName = service;
  return out;
}

/** The OTLP protocol the environment asks for: protobuf unless http/json (others warn and fall back). */
export function protocolFromEnv(env: NodeJS.ProcessEnv): 'http/protobuf' | 'http/json' {
  const name = present(env, 'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL')
    ? 'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL'
    : 'OTEL_EXPORTER_OTLP_PROTOCOL';
  const protocol = present(env, name) ?? 'http/protobuf';
  if (protocol === 'http/json' || protocol === 'http/protobuf') return protocol;
  // Names the variable and the protocol, never other values (a header variable may hold a key).
  warnOnce(
    name,
    'TH_INSTR_ENV',
    `${name}=${protocol} is not supported here (http/protobuf, http/json): using http/protobuf`,
  );
  return 'http/protobuf';
}
