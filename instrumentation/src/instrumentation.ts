/**
 * TracehoundInstrumentation: auto-instrumentation of `openai` and `@anthropic-ai/sdk` on OpenTelemetry's
 * InstrumentationBase (require-in-the-middle for CommonJS, import-in-the-middle for ESM), plus `instrument()` for
 * module objects the hooks cannot see (bundles, already-loaded modules).
 */
import {
  InstrumentationBase,
  InstrumentationNodeModuleDefinition,
  isWrapped,
  type InstrumentationConfig,
} from '@opentelemetry/instrumentation';
import type { Tracer } from '@opentelemetry/api';
import { createContentPolicy, type CaptureMode, type ContentPolicy } from './content/capture.js';
import type { Guard } from './guard/guard.js';
import { tracedCall, type CallSettings } from './patch/call.js';
import { anthropicTargets, openaiTargets, type PatchTarget } from './patch/targets.js';
import { setRuntime } from './runtime.js';
import { internalError } from './safe.js';
import { PACKAGE_NAME, PACKAGE_VERSION } from './version.js';

export interface TracehoundInstrumentationConfig extends InstrumentationConfig {
  /** Content capture: off (default, unless OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT=true), full, redacted, hashed. */
  captureContent?: CaptureMode;
  /** Key for hashed mode (HMAC-SHA256). Default: TRACEHOUND_HMAC_KEY. Without a key, hashed falls back to off. */
  hmacKey?: string | Buffer;
  /** Maximum length of one content attribute (default 65536); whole parts are dropped beyond it. */
  maxContentLength?: number;
  /** Custom redactor for redacted mode. */
  redact?: (text: string) => string;
  /** In-process guard run on prompts and outputs (see createGuard). */
  guard?: Guard;
  /** Canary tokens planted in system prompts, stamped on each LLM span as tracehound.canaries. */
  canaries?: string[];
}

export class TracehoundInstrumentation extends InstrumentationBase<TracehoundInstrumentationConfig> {
  private content!: ContentPolicy;
  private readonly settings: CallSettings;

  constructor(config: TracehoundInstrumentationConfig = {}) {
    super(PACKAGE_NAME, PACKAGE_VERSION, config);
    const self = this;
    // Read through on every call so setTracerProvider/setConfig take effect on already-patched methods.
    this.settings = {
      get tracer(): Tracer {
        return self.tracer;
      },
      get content() {
        return self.content;
      },
      get guard() {
        return self.getConfig().guard;
      },
      get canaries() {
        return self.getConfig().canaries;
      },
    };
    this.applyConfig();
  }

  override setConfig(config: TracehoundInstrumentationConfig = {}): void {
    super.setConfig(config);
    if (this.settings) this.applyConfig();
  }

  private applyConfig(): void {
    const c = this.getConfig();
    this.content = createContentPolicy({
      mode: c.captureContent,
      hmacKey: c.hmacKey,
      maxLength: c.maxContentLength,
      redact: c.redact,
    });
    setRuntime({ content: this.content, tracer: () => this.tracer });
  }

  protected init() {
    return [
      new InstrumentationNodeModuleDefinition(
        'openai',
        ['>=4 <8'],
        (m) => this.patchTargets(openaiTargets(m), m),
        (m) => this.unpatchTargets(openaiTargets(m), m),
      ),
      new InstrumentationNodeModuleDefinition(
        '@anthropic-ai/sdk',
        ['>=0.20 <3'],
        (m) => this.patchTargets(anthropicTargets(m), m),
        (m) => this.unpatchTargets(anthropicTargets(m), m),
      ),
    ];
  }

  /**
   * Manual escape hatch: patch an already-loaded `openai` or `@anthropic-ai/sdk` module object (CJS exports or ESM
   * namespace). Idempotent. Returns how many methods are now instrumented.
   */
  instrument(moduleExports: unknown): number {
    const targets = [...openaiTargets(moduleExports), ...anthropicTargets(moduleExports)];
    this.patchTargets(targets, moduleExports);
    return targets.filter((t) => isWrapped(t.proto[t.method])).length;
  }

  /** Reverses instrument(). */
  uninstrument(moduleExports: unknown): void {
    this.unpatchTargets([...openaiTargets(moduleExports), ...anthropicTargets(moduleExports)], moduleExports);
  }

  private patchTargets<T>(targets: PatchTarget[], moduleExports: T): T {
    for (const t of targets) {
      try {
        if (isWrapped(t.proto[t.method])) continue;
        const settings = this.settings;
        const mapping = t.mapping;
        this._wrap(t.proto, t.method, (original: unknown) => {
          const fn = original as (...a: unknown[]) => unknown;
          return function tracehoundCreate(this: unknown, ...args: unknown[]) {
            return tracedCall(settings, mapping, fn, this, args);
          };
        });
      } catch (err) {
        internalError('patch', err);
      }
    }
    return moduleExports;
  }

  private unpatchTargets<T>(targets: PatchTarget[], moduleExports: T): T {
    for (const t of targets) {
      try {
        if (isWrapped(t.proto[t.method])) this._unwrap(t.proto, t.method);
      } catch (err) {
        internalError('unpatch', err);
      }
    }
    return moduleExports;
  }
}
