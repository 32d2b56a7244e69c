/**
 * Adapter from the processor's content detectors to the guard's ContentAnalyzer. The processor is an optional peer:
 * it is imported dynamically (its `analyzer` entry point: no server is started) so this package installs and works
 * without it; asking for its detectors when it is not installed is a clear TH_GUARD_PROCESSOR_MISSING error.
 */
import { TracehoundSetupError } from '../codes.js';
import type { AnalyzerFinding, AnalyzerResult, ContentAnalyzer, GuardChannel } from './types.js';

const PROCESSOR = '@tracehound/processor';

/** The parts of the processor's ContentVerdict this adapter reads. */
interface ProcessorVerdict {
  blocked?: unknown;
  severity?: unknown;
  ruleIds?: unknown;
  findings?: Array<{ rule?: { id?: unknown; category?: unknown }; severity?: unknown; channel?: unknown }>;
}

interface ProcessorModule {
  createContentAnalyzer?: (opts?: unknown) => { analyze(text: string, channel: GuardChannel): ProcessorVerdict };
}

function toFinding(f: NonNullable<ProcessorVerdict['findings']>[number]): AnalyzerFinding {
  const out: AnalyzerFinding = { ruleId: String(f?.rule?.id ?? 'unknown') };
  if (typeof f?.rule?.category === 'string') out.category = f.rule.category;
  if (typeof f?.severity === 'string') out.severity = f.severity;
  if (typeof f?.channel === 'string') out.channel = f.channel;
  return out;
}

/** Maps the processor's verdict (findings carry rule.id and rule.category) onto AnalyzerResult. */
export function fromProcessorVerdict(v: ProcessorVerdict): AnalyzerResult {
  return {
    blocked: v.blocked === true,
    ruleIds: Array.isArray(v.ruleIds) ? v.ruleIds.map(String) : [],
    severity: typeof v.severity === 'string' ? v.severity : 'unknown',
    findings: Array.isArray(v.findings) ? v.findings.slice(0, 64).map(toFinding) : [],
  };
}

type Importer = (specifier: string) => Promise<unknown>;

/** The processor's package itself is absent (not one of its own dependencies). */
function isProcessorMissing(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  return (
    (e?.code === 'ERR_MODULE_NOT_FOUND' || e?.code === 'MODULE_NOT_FOUND') &&
    String(e.message).includes(`'${PROCESSOR}`)
  );
}

/** loadProcessorAnalyzer with the import injectable (tests). @internal */
export async function loadAnalyzerWith(importer: Importer, opts?: unknown): Promise<ContentAnalyzer> {
  let mod: ProcessorModule;
  try {
    mod = (await importer(`${PROCESSOR}/analyzer`)) as ProcessorModule;
  } catch (err) {
    if (isProcessorMissing(err))
      throw new TracehoundSetupError(
        'TH_GUARD_PROCESSOR_MISSING',
        `npm install ${PROCESSOR} (the same version as @tracehound/instrumentation), or pass your own analyzer to createGuard`,
        { cause: err },
      );
    throw new TracehoundSetupError(
      'TH_GUARD_PROCESSOR_LOAD',
      `${String((err as Error)?.message ?? err).split('\n', 1)[0]}`,
      { cause: err },
    );
  }
  if (typeof mod.createContentAnalyzer !== 'function')
    throw new TracehoundSetupError(
      'TH_GUARD_PROCESSOR_LOAD',
      `${PROCESSOR}/analyzer has no createContentAnalyzer: install the same version as @tracehound/instrumentation`,
    );
  const inner = mod.createContentAnalyzer(opts);
  return { analyze: (text, channel) => fromProcessorVerdict(inner.analyze(text, channel)) };
}

/**
 * An analyzer backed by `@tracehound/processor`'s content detectors. Rejects with a TracehoundSetupError when the
 * processor is not installed (TH_GUARD_PROCESSOR_MISSING) or cannot be loaded (TH_GUARD_PROCESSOR_LOAD).
 */
export function loadProcessorAnalyzer(opts?: unknown): Promise<ContentAnalyzer> {
  return loadAnalyzerWith((specifier) => import(specifier), opts);
}
