/**
 * A port of the pySigma validators (SigmaHQ/pySigma `sigma/validators/core/`: tags.py, metadata.py, condition.py,
 * values.py, modifiers.py) that apply to rules without a Windows logsource, rule by rule, over the parsed YAML
 * documents of one collection. Names are pySigma's issue classes. What is not ported: ATT&CK data lookups (the
 * `attack.*` tags are checked against the ATT&CK ids and tactic names the catalog ships, not the full ATT&CK data),
 * D3FEND data, and the Windows-specific logsource validators.
 */

export interface Issue {
  validator: string;
  rule: string;
  detail: string;
}

type Doc = Record<string, any>;

const TAG_FORMAT = /^[a-z0-9\-_]+\.[a-z0-9\-_.]+$/; // TagFormatValidator
const NAMESPACES = new Set(['attack', 'car', 'cve', 'd3fend', 'detection', 'stp', 'tlp']); // NamespaceTagValidator
const TLP = new Set(['white', 'green', 'amber', 'red', 'clear', 'amber-strict']); // TLPTagValidator
const PATTERNS: Record<string, RegExp> = {
  car: /\d{4}-\d{2}-\d{3}$/, // CARTagValidator
  cve: /^\d+-\d+$/, // CVETagValidator
  detection: /dfir|emerging-threats|threat-hunting/, // DetectionTagValidator
  stp: /^[1-5]{1}[auk]{0,1}$/, // STPTagValidator
};
const KNOWN_CUSTOM_TYPOS = new Set(['realted', 'relatde', 'relted', 'rlated', 'reference']); // CustomAttributesValidator
const CORE_KEYS = new Set([
  'title',
  'id',
  'related',
  'name',
  'taxonomy',
  'status',
  'description',
  'license',
  'author',
  'references',
  'date',
  'modified',
  'logsource',
  'detection',
  'fields',
  'falsepositives',
  'level',
  'tags',
  'scope',
  'correlation',
  'generate',
]);

const ruleName = (d: Doc) => String(d.name ?? d.title ?? d.id);

function tagIssues(d: Doc, attackNames: ReadonlySet<string>): Issue[] {
  const out: Issue[] = [];
  const tags: string[] = d.tags ?? [];
  const push = (validator: string, detail: string) => out.push({ validator, rule: ruleName(d), detail });
  const seen = new Set<string>();
  for (const t of tags) {
    if (seen.has(t)) push('DuplicateTagValidator', t);
    seen.add(t);
    if (!TAG_FORMAT.test(t)) push('TagFormatValidator', t);
    const ns = t.slice(0, t.indexOf('.'));
    const name = t.slice(t.indexOf('.') + 1);
    if (!NAMESPACES.has(ns)) push('NamespaceTagValidator', t);
    if (ns === 'attack' && !attackNames.has(name)) push('ATTACKTagValidator', t);
    if (ns === 'tlp' && !TLP.has(name)) push('TLPTagValidator', t);
    if (PATTERNS[ns] && !PATTERNS[ns].test(name)) push(`${ns.toUpperCase()}TagValidator`, t);
  }
  return out;
}

function metadataIssues(d: Doc): Issue[] {
  const out: Issue[] = [];
  const push = (validator: string, detail = '') => out.push({ validator, rule: ruleName(d), detail });
  if (!d.id) push('IdentifierExistenceValidator');
  if (!d.status) push('StatusExistenceValidator');
  if (d.status === 'unsupported') push('StatusUnsupportedValidator');
  if (!d.date) push('DateExistenceValidator');
  if (!d.description) push('DescriptionExistenceValidator');
  else if (String(d.description).length < 16) push('DescriptionLengthValidator');
  if (!d.level) push('LevelExistenceValidator');
  const refs: string[] = d.references ?? [];
  if (new Set(refs).size !== refs.length) push('DuplicateReferencesValidator');
  for (const k of Object.keys(d))
    if (!CORE_KEYS.has(k) && KNOWN_CUSTOM_TYPOS.has(k)) push('CustomAttributesValidator', k);
  return out;
}

/** Search identifiers a condition references (names and `1 of x*` / `all of x*` patterns). */
function conditionIdentifiers(condition: string): { names: Set<string>; patterns: string[]; allOfThem: boolean } {
  const words = condition.replaceAll('(', ' ').replaceAll(')', ' ').split(/\s+/).filter(Boolean);
  const names = new Set<string>();
  const patterns: string[] = [];
  let allOfThem = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (['and', 'or', 'not', 'of'].includes(w)) continue;
    if ((w === '1' || w === 'all' || w === 'any') && words[i + 1] === 'of') {
      const target = words[i + 2];
      if (target === 'them') allOfThem ||= w === 'all';
      else if (target) patterns.push(target);
      i += 2;
      continue;
    }
    names.add(w);
  }
  return { names, patterns, allOfThem };
}

function conditionIssues(d: Doc): Issue[] {
  if (!d.detection) return [];
  const out: Issue[] = [];
  const push = (validator: string, detail = '') => out.push({ validator, rule: ruleName(d), detail });
  const conds: string[] = Array.isArray(d.detection.condition) ? d.detection.condition : [d.detection.condition];
  const ids = Object.keys(d.detection).filter((k) => k !== 'condition' && k !== 'timeframe');
  const used = new Set<string>();
  for (const c of conds) {
    const { names, patterns, allOfThem } = conditionIdentifiers(String(c));
    if (allOfThem) push('AllOfThemConditionValidator', String(c));
    for (const n of names) {
      if (!ids.includes(n)) push('ConditionReferencesUnknownIdentifier', n);
      used.add(n);
    }
    for (const p of patterns) {
      const re = new RegExp(`^${p.replaceAll('*', '.*')}$`);
      for (const id of ids) if (re.test(id)) used.add(id);
    }
  }
  for (const id of ids) if (!used.has(id)) push('DanglingDetectionValidator', id); // condition.py
  return out;
}

function valueIssues(d: Doc): Issue[] {
  if (!d.detection) return [];
  const out: Issue[] = [];
  const push = (validator: string, detail: string) => out.push({ validator, rule: ruleName(d), detail });
  for (const [id, item] of Object.entries(d.detection)) {
    if (id === 'condition' || id === 'timeframe') continue;
    const maps = Array.isArray(item) ? item : [item];
    for (const m of maps) {
      if (!m || typeof m !== 'object') continue;
      for (const [key, raw] of Object.entries(m as Record<string, unknown>)) {
        const mods = key.split('|').slice(1);
        if (new Set(mods).size !== mods.length) push('ModifierAppliedMultipleTimesValidator', key);
        if (mods.includes('all') && !mods.includes('contains')) push('AllWithoutContainsModifierValidator', key);
        for (const v of Array.isArray(raw) ? raw : [raw]) {
          if (typeof v !== 'string') continue;
          if (/^\*+$/.test(v)) push('WildcardsInsteadOfModifiersValidator', key); // values.py: use |exists
          if (v.includes('**')) push('DoubleWildcardValidator', key);
          if ([...v].some((ch) => ch.charCodeAt(0) < 32)) push('ControlCharacterValidator', key);
          if (/^\d+$/.test(v) && !mods.length) push('NumberAsStringValidator', key);
        }
      }
    }
  }
  return out;
}

/** Every issue of one collection of Sigma documents (file name → documents). */
export function validateSigma(collection: Map<string, Doc[]>, attackNames: ReadonlySet<string>): Issue[] {
  const out: Issue[] = [];
  const ids = new Map<string, number>();
  const titles = new Map<string, number>();
  for (const [file, docs] of collection) {
    if (file.length < 10 || file.length > 90)
      out.push({ validator: 'FilenameLenghValidator', rule: file, detail: file });
    for (const d of docs) {
      out.push(...tagIssues(d, attackNames), ...metadataIssues(d), ...conditionIssues(d), ...valueIssues(d));
      if (d.id) ids.set(d.id, (ids.get(d.id) ?? 0) + 1);
      if (d.title) titles.set(d.title, (titles.get(d.title) ?? 0) + 1);
    }
  }
  for (const [id, n] of ids)
    if (n > 1) out.push({ validator: 'IdentifierUniquenessValidator', rule: id, detail: String(n) });
  for (const [t, n] of titles)
    if (n > 1) out.push({ validator: 'DuplicateTitleValidator', rule: t, detail: String(n) });
  return out;
}
