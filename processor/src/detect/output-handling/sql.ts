/**
 * SQL in tool arguments. Injection (a quote that breaks out of a literal, then a tautology, comment or stacked
 * statement; time-based and file/command primitives; UNION SELECT outside a database tool) counts in any tool.
 * Destructive statements count in database tools, statement by statement.
 */
import RE2 from 're2';
import type { PatternHit } from './shell.js';

/**
 * `quoteBreak` patterns need a value whose single quotes do not pair up: an injection closes the literal it was put
 * in, so it leaves an odd number of quotes (code with string literals pairs them).
 */
const INJECTION: ReadonlyArray<{ re: RE2; what: string; outsideSqlToolsOnly?: boolean; quoteBreak?: boolean }> = [
  {
    re: new RE2(String.raw`(?i)'\s*\)*\s*(?:or|\|\|)\s+(?:'[^'\n]{0,20}'\s*=\s*'[^'\n]{0,20}|\d+\s*=\s*\d+|true\b)`),
    what: 'quote-breaking tautology',
    quoteBreak: true,
  },
  {
    // The comment cuts off the rest of the query: it ends the value (code comments are followed by prose).
    re: new RE2(String.raw`(?i)[a-z0-9]'\s*\)*\s*(?:--|#|/\*)[^\n]{0,40}$`),
    what: 'quote followed by a comment terminator',
    quoteBreak: true,
  },
  {
    re: new RE2(
      String.raw`(?i)'\s*\)*\s*;\s*(?:drop|truncate|delete|update|insert|alter|create|grant|exec|execute|shutdown)\b`,
    ),
    what: 'stacked statement after a quote',
    quoteBreak: true,
  },
  {
    re: new RE2(String.raw`(?i)(?:'|\b(?:and|or|select|where)|;)\s*\(?\s*(?:sleep|pg_sleep|benchmark)\s*\(\s*\d`),
    what: 'time-based probe',
  },
  { re: new RE2(String.raw`(?i)\bwaitfor\s+delay\s+'`), what: 'time-based probe (WAITFOR DELAY)' },
  {
    re: new RE2(
      String.raw`(?i)\b(?:xp_cmdshell|load_file\s*\(|into\s+(?:out|dump)file\b|utl_http\.|dbms_pipe\.|copy\s+[a-z_."]+\s+(?:to|from)\s+program\b)`,
    ),
    what: 'file or command primitive',
  },
  { re: new RE2(String.raw`(?i)\bunion\s+(?:all\s+)?select\b`), what: 'UNION SELECT', outsideSqlToolsOnly: true },
];

const MAX_INJECTION_VALUE = 1024;

const INJECTION_ANY = new RE2.Set(
  INJECTION.map((p) => p.re.source),
  { anchor: 'unanchored' },
);

const SQL_TOOL = new RE2(
  String.raw`(?i)(?:sql|query|queries|database|(?:^|[_.\-])db(?:$|[_.\-])|postgres|mysql|mariadb|sqlite|mssql|oracle|bigquery|snowflake|redshift|clickhouse|duckdb|athena|trino|presto)`,
);

export function isSqlTool(name: string): boolean {
  return SQL_TOOL.test(name);
}

export function findSqlInjection(value: string, sqlTool: boolean): PatternHit | undefined {
  if (!INJECTION_ANY.test(value)) return undefined;
  // Quote-breaking needs a short one-line value with unpaired quotes (pasted code pairs them and spans lines).
  let quotes = 0;
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) === 39) quotes++;
  const breakable = quotes % 2 === 1 && value.length <= MAX_INJECTION_VALUE && !value.includes('\n');
  let best: PatternHit | undefined;
  for (const p of INJECTION) {
    if ((p.outsideSqlToolsOnly && sqlTool) || (p.quoteBreak && !breakable)) continue;
    const m = p.re.exec(value);
    if (m && (!best || m.index < best.start)) best = { start: m.index, end: m.index + m[0].length, what: p.what };
  }
  return best;
}

const DROP = new RE2(String.raw`(?i)^(?:drop\s+(?:table|database|schema|user|role|index|view)|truncate)\b`);
const DELETE_ALL = new RE2(String.raw`(?i)^delete\s+from\s+[^\s;]+\s*$`);
const UPDATE = new RE2(String.raw`(?i)^update\s+[^\s;]+\s+set\b`);
const WHERE = new RE2(String.raw`(?i)\bwhere\b`);
const PRIVILEGE = new RE2(String.raw`(?i)^(?:grant\b|(?:create|alter)\s+(?:user|role|login)\b)`);

/** The first destructive statement of an SQL text (at most 64 statements of 4,096 characters are read). */
export function findDestructiveSql(value: string): PatternHit | undefined {
  let offset = 0;
  const parts = value.split(';');
  for (let i = 0; i < parts.length && i < 64; i++) {
    const raw = parts[i];
    const lead = raw.length - raw.trimStart().length;
    const st = raw.trim().slice(0, 4096);
    const start = offset + lead;
    offset += raw.length + 1;
    if (st.length === 0) continue;
    const end = start + st.length;
    if (DROP.test(st)) return { start, end, what: 'DROP or TRUNCATE' };
    if (DELETE_ALL.test(st)) return { start, end, what: 'DELETE without WHERE' };
    if (UPDATE.test(st) && !WHERE.test(st)) return { start, end, what: 'UPDATE without WHERE' };
    if (PRIVILEGE.test(st)) return { start, end, what: 'privilege or user change' };
  }
  return undefined;
}
