/**
 * A small ES|QL linter: FROM the findings data stream, known commands, balance, known fields, and two Elastic
 * conventions from elastic/detection-rules: computed columns (`name = expr` in STATS and EVAL) carry a dynamic-field
 * prefix (`Esql.`, `Esql_priv.`: ESQL_DYNAMIC_FIELD_PREFIXES), and the query ends with KEEP so its output is explicit.
 */
import RE2 from 're2';
import { scanQuery } from './balance.js';
import { unknownFields } from './fields.js';

const COMMANDS = new Set(['WHERE', 'STATS', 'EVAL', 'KEEP', 'SORT', 'LIMIT', 'RENAME', 'DROP']);
export const ESQL_DYNAMIC_PREFIXES = ['Esql.', 'Esql_priv.'] as const;
// `name =` assignments (not `==`, `>=`, `<=`, `!=`) in a STATS or EVAL stage.
const ASSIGNMENT = new RE2('(?:^|,)\\s*([A-Za-z_@][A-Za-z0-9_.@]*)\\s*=(?:[^=]|$)', 'g');

function assignedNames(stage: string): string[] {
  const body = stage.slice(stage.indexOf(' ') + 1).split(' BY ')[0];
  const out: string[] = [];
  ASSIGNMENT.lastIndex = 0;
  for (let m = ASSIGNMENT.exec(body); m; m = ASSIGNMENT.exec(body)) out.push(m[1]);
  return out;
}

export function lintEsql(q: string, fields: ReadonlySet<string>, indexPattern: string): string[] {
  const s = scanQuery(q, { backtickMacros: false });
  const p = [...s.problems];
  const stages = q.split('\n|').map((x) => x.trim());
  if (stages[0] !== `FROM ${indexPattern}`) p.push(`first stage must be FROM ${indexPattern}`);
  const computed = new Set<string>();
  for (const st of stages.slice(1)) {
    const cmd = st.split(' ')[0];
    if (!COMMANDS.has(cmd)) p.push(`unknown command ${cmd}`);
    if (cmd === 'STATS' || cmd === 'EVAL')
      for (const name of assignedNames(st)) {
        computed.add(name);
        if (!ESQL_DYNAMIC_PREFIXES.some((x) => name.startsWith(x)))
          p.push(`computed column ${name} lacks the Esql. prefix`);
      }
  }
  if (!stages.some((x) => x.startsWith('STATS '))) p.push('aggregation rules need a STATS ... BY stage');
  if (!stages[stages.length - 1]?.startsWith('KEEP ')) p.push('the last stage must be KEEP');
  const fromStage = s.code.split('\n')[0];
  for (const f of unknownFields(s.code.slice(fromStage.length), fields, [...computed])) p.push(`unknown field ${f}`);
  return p;
}
