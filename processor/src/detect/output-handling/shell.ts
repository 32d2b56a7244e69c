/**
 * Shell commands in tool arguments. Dangerous commands (reverse shells, download-and-execute, encoded PowerShell,
 * destructive commands) count in any tool; command substitution and chaining count only in tools that are not
 * shells, where a shell metacharacter means the argument will be spliced into a command line.
 */
import RE2 from 're2';

export interface PatternHit {
  start: number;
  end: number;
  what: string;
}

interface Pattern {
  re: RE2;
  what: string;
}

const BIN = String.raw`(?:curl|wget|nc|ncat|netcat|bash|sh|zsh|python3?|perl|ruby|php|rm|cat|id|whoami|uname|chmod|chown|base64|powershell|pwsh|certutil|bitsadmin|socat|telnet|scp|ssh)`;

const DANGEROUS: readonly Pattern[] = [
  { re: new RE2(String.raw`(?i)\b(?:ba|z|k)?sh\s+-i\s*[>&]{1,2}\s*/dev/(?:tcp|udp)/`), what: 'reverse shell' },
  { re: new RE2(String.raw`(?i)/dev/(?:tcp|udp)/[a-z0-9.\-]{1,253}/\d{1,5}`), what: 'reverse shell (/dev/tcp)' },
  {
    re: new RE2(String.raw`(?i)\bn(?:c|cat|etcat)\b[^\n|;&]{0,80}\s-[a-z]*[ec]\s+/?(?:bin/)?(?:ba)?sh\b`),
    what: 'reverse shell (netcat -e)',
  },
  { re: new RE2(String.raw`(?i)\bmkfifo\b[^\n]{0,160}\bn(?:c|cat)\b`), what: 'reverse shell (fifo + netcat)' },
  {
    re: new RE2(String.raw`(?i)socket\.socket\([^\n]{0,300}(?:subprocess|pty\.spawn|os\.dup2)`),
    what: 'reverse shell (python)',
  },
  { re: new RE2(String.raw`(?i)\bsocat\b[^\n]{0,120}\bexec:`), what: 'reverse shell (socat)' },
  {
    re: new RE2(String.raw`(?i)\b(?:curl|wget)\b[^\n|;&]{0,300}\|\s*(?:sudo\s+)?(?:ba|z|da|k)?sh\b`),
    what: 'download piped into a shell',
  },
  {
    re: new RE2(String.raw`(?i)\b(?:curl|wget)\b[^\n]{0,300}(?:&&|;)\s*(?:sudo\s+)?(?:chmod\s+\+x|(?:ba)?sh\s+\S|\./)`),
    what: 'download then execute',
  },
  {
    re: new RE2(
      String.raw`(?i)\b(?:iex|invoke-expression)\b[^\n]{0,200}(?:downloadstring|iwr|invoke-webrequest|net\.webclient)`,
    ),
    what: 'PowerShell download and run',
  },
  {
    re: new RE2(
      String.raw`(?i)\b(?:powershell|pwsh)(?:\.exe)?\b[^\n]{0,100}\s-(?:e|ec|enc|encodedcommand)\s+[A-Za-z0-9+/=]{20,}`,
    ),
    what: 'PowerShell encoded command',
  },
  {
    re: new RE2(String.raw`(?i)\bbase64\s+(?:-d|--decode)\b[^\n]{0,60}\|\s*(?:ba)?sh\b`),
    what: 'decoded payload piped into a shell',
  },
  {
    re: new RE2(
      String.raw`(?i)\brm\s+-(?:[a-z]*r[a-z]*f|[a-z]*f[a-z]*r)[a-z]*\s+(?:--no-preserve-root\s+)?(?:/|/\*|~/?|\$HOME/?)(?:\s|$|;|&|\|)`,
    ),
    what: 'recursive delete of / or home',
  },
  { re: new RE2(String.raw`:\(\)\s*\{\s*:\s*\|\s*:\s*&\s*\}\s*;\s*:`), what: 'fork bomb' },
  { re: new RE2(String.raw`(?i)\bmkfs(?:\.[a-z0-9]+)?\s+/dev/`), what: 'file-system format of a device' },
  { re: new RE2(String.raw`(?i)\bdd\b[^\n]{0,120}\bof=/dev/(?:sd|nvme|hd|xvd|vd|disk)`), what: 'raw write to a disk' },
];

const CHAIN_BIN = String.raw`(?:curl|wget|nc|ncat|netcat|bash|sh|zsh|python3?|perl|ruby|php|rm|chmod|chown|base64|powershell|pwsh|certutil|bitsadmin|socat|telnet|scp|ssh)`;

/** Injection into a value: a command substituted, or a known binary (with an argument) chained after the value. */
const INJECTION: readonly Pattern[] = [
  { re: new RE2(`\\$\\(\\s*${BIN}\\b`), what: 'command substitution $(...)' },
  { re: new RE2(`\`\\s*${BIN}\\b[^\`\\n]{0,200}\``), what: 'command substitution in backticks' },
  { re: new RE2(`(?:;|&&|\\|\\||\\|)\\s*${CHAIN_BIN}\\s+\\S`), what: 'chained shell command' },
  {
    re: new RE2(String.raw`(?:;|&&|\|\|)\s*(?:id|whoami|uname(?:\s+-a)?|cat\s+/etc/\S+)\s*(?:$|[;&|#])`),
    what: 'chained shell command',
  },
];
/** Injected values are short and on one line; pasted scripts and documents are not values a tool splices. */
const MAX_INJECTION_VALUE = 1024;

/** One pass over a value answers "does any pattern of the group match"; the individual patterns run only then. */
const DANGEROUS_ANY = new RE2.Set(
  DANGEROUS.map((p) => p.re.source),
  { anchor: 'unanchored' },
);
const INJECTION_ANY = new RE2.Set(
  INJECTION.map((p) => p.re.source),
  { anchor: 'unanchored' },
);

const SHELL_TOOL = new RE2(
  String.raw`(?i)(?:^|[_.\-\s])(?:shell|bash|sh|zsh|exec|execute|run_command|runcommand|run_shell|terminal|cmd|command|commands|powershell|pwsh|subprocess|system|console|cli)(?:$|[_.\-\s])`,
);

/** The tool runs its arguments in a shell (by name). */
export function isShellTool(name: string): boolean {
  return SHELL_TOOL.test(name);
}

function first(value: string, patterns: readonly Pattern[]): PatternHit | undefined {
  let best: PatternHit | undefined;
  for (const p of patterns) {
    const m = p.re.exec(value);
    if (m && (!best || m.index < best.start)) best = { start: m.index, end: m.index + m[0].length, what: p.what };
  }
  return best;
}

export function findShellPayload(value: string, shellTool: boolean): (PatternHit & { dangerous: boolean }) | undefined {
  const d = DANGEROUS_ANY.test(value) ? first(value, DANGEROUS) : undefined;
  if (d) return { ...d, dangerous: true };
  if (shellTool || value.length > MAX_INJECTION_VALUE || value.includes('\n') || !INJECTION_ANY.test(value))
    return undefined;
  const i = first(value, INJECTION);
  return i ? { ...i, dangerous: false } : undefined;
}
