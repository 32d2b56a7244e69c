/**
 * Where a tool call reaches: hosts and file paths, from the Interaction's tool target fields and from the arguments
 * the model produced (JSON walked when it parses, raw text scanned otherwise). Bounded: at most MAX_TARGETS of each.
 */
import RE2 from 're2';
import type { Interaction } from '@tracehound/core';

const MAX_TARGETS = 32;
const MAX_LEAVES = 2048;

const URL_RE = new RE2(String.raw`\b(?:https?|wss?|ftps?|sftp)://[^\s"'<>\\\x60]+`, 'gi');
const HOSTNAME = new RE2(
  String.raw`^[A-Za-z0-9](?:[A-Za-z0-9\-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]{0,62}[A-Za-z0-9])?)*\.[A-Za-z]{2,63}\.?(?::[0-9]{1,5})?$`,
);
const IPV4_HOST = new RE2(String.raw`^[0-9]{1,3}(?:\.[0-9]{1,3}){3}(?::[0-9]{1,5})?$`);
/** Path-looking tokens inside free text (shell commands, prose arguments). */
const PATH_IN_TEXT = new RE2(
  String.raw`(?:^|[\s"'=(,\x60])((?:file://|~[/\\]|\.\.?[/\\]|/|[A-Za-z]:[\\/]|\\\\)[^\s"'<>|;,)\x60]*)`,
  'g',
);

const HOST_KEYS = new Set([
  'host',
  'hostname',
  'domain',
  'server',
  'endpoint',
  'base_url',
  'baseurl',
  'url',
  'uri',
  'webhook',
  'address',
]);
const PATH_KEYS = new Set([
  'path',
  'file',
  'filename',
  'file_path',
  'filepath',
  'dir',
  'directory',
  'cwd',
  'folder',
  'target',
  'source',
  'destination',
  'dest',
  'dst',
  'src',
  'location',
  'output_path',
  'input_path',
  'working_dir',
  'workdir',
  'paths',
  'files',
]);

export interface ToolTargets {
  hosts: string[];
  paths: string[];
}

/** Lowercase host without port, brackets or trailing dot; '' when the input is not a host. */
export function normalizeHost(raw: string): string {
  let h = raw.trim().toLowerCase();
  if (h.includes('://')) {
    try {
      h = new URL(h).hostname;
    } catch {
      return '';
    }
  }
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']') > 0 ? h.indexOf(']') : undefined);
  const colon = h.lastIndexOf(':');
  if (colon > 0 && h.indexOf(':') === colon) h = h.slice(0, colon);
  if (h.endsWith('.')) h = h.slice(0, -1);
  return h;
}

function hostOfUrl(u: string): string {
  try {
    return normalizeHost(new URL(u).hostname);
  } catch {
    return '';
  }
}

function walk(
  v: unknown,
  key: string | undefined,
  visit: (s: string, key: string | undefined) => void,
  budget: { n: number },
): void {
  if (budget.n <= 0) return;
  if (typeof v === 'string') {
    budget.n--;
    visit(v, key);
  } else if (Array.isArray(v)) {
    for (const x of v) walk(x, key, visit, budget);
  } else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) walk(x, k, visit, budget);
  }
}

/** Keys whose free text is executed or interpreted: paths and URLs inside them are real targets. */
const COMMAND_KEYS = new Set([
  'command',
  'cmd',
  'script',
  'code',
  'shell',
  'bash',
  'exec',
  'run',
  'args',
  'argv',
  'input',
  'query',
  'curl',
]);

function isWholeUrl(s: string): boolean {
  return s.includes('://') && !s.includes(' ') && !s.includes('\n');
}

/**
 * Targets in one string. Free text under an ordinary key (a message body, a commit message) only counts when the
 * whole value is a URL: a path or link merely mentioned in prose is not where the tool goes.
 */
function collectFromString(s: string, key: string | undefined, out: { hosts: Set<string>; paths: Set<string> }): void {
  const k = key?.toLowerCase();
  const trimmed = s.trim();
  const freeText = k === undefined || COMMAND_KEYS.has(k);
  if (freeText || HOST_KEYS.has(k ?? '') || isWholeUrl(trimmed)) {
    URL_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = URL_RE.exec(s)) !== null && out.hosts.size < MAX_TARGETS) {
      const h = hostOfUrl(m[0]);
      if (h) out.hosts.add(h);
    }
  }
  if (k && HOST_KEYS.has(k) && !trimmed.includes('://') && (HOSTNAME.test(trimmed) || IPV4_HOST.test(trimmed))) {
    out.hosts.add(normalizeHost(trimmed));
  }
  if (k && PATH_KEYS.has(k) && trimmed.length > 0 && !trimmed.includes('\n')) {
    if (out.paths.size < MAX_TARGETS && (!trimmed.includes('://') || trimmed.toLowerCase().startsWith('file:')))
      out.paths.add(trimmed);
    return;
  }
  if (trimmed.toLowerCase().startsWith('file://') && !trimmed.includes(' ')) {
    out.paths.add(trimmed);
    return;
  }
  if (!freeText) return;
  PATH_IN_TEXT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PATH_IN_TEXT.exec(s)) !== null && out.paths.size < MAX_TARGETS) {
    const p = m[1];
    if (p.length >= 2 && !p.startsWith('//')) out.paths.add(p);
    // the leading separator was consumed: step back one so adjacent paths are still seen
    if (PATH_IN_TEXT.lastIndex > 0) PATH_IN_TEXT.lastIndex = Math.max(m.index + 1, PATH_IN_TEXT.lastIndex - 1);
  }
}

/** Hosts and paths from the tool's target fields and every tool-call argument text given. */
export function extractToolTargets(ix: Interaction, argumentTexts: readonly string[]): ToolTargets {
  const acc = { hosts: new Set<string>(), paths: new Set<string>() };
  const tool = ix.tool;
  if (tool?.targetHost) {
    const h = normalizeHost(tool.targetHost);
    if (h) acc.hosts.add(h);
  }
  if (tool?.targetUrl) {
    const h = hostOfUrl(tool.targetUrl);
    if (h) acc.hosts.add(h);
  }
  if (tool?.targetPath) acc.paths.add(tool.targetPath);
  for (const text of argumentTexts) {
    const t = text.trimStart();
    let parsed: unknown;
    let isJson = false;
    if (t.startsWith('{') || t.startsWith('[')) {
      try {
        parsed = JSON.parse(text);
        isJson = true;
      } catch {
        isJson = false;
      }
    }
    if (isJson) walk(parsed, undefined, (s, k) => collectFromString(s, k, acc), { n: MAX_LEAVES });
    else collectFromString(text, undefined, acc);
  }
  return { hosts: [...acc.hosts].slice(0, MAX_TARGETS), paths: [...acc.paths].slice(0, MAX_TARGETS) };
}

/** Does host match an allowlist entry ('api.example.com' exactly, '*.example.com' any subdomain)? */
export function hostAllowed(host: string, allowlist: readonly string[]): boolean {
  for (const raw of allowlist) {
    const entry = raw.trim().toLowerCase();
    if (entry.startsWith('*.')) {
      const suffix = entry.slice(1); // '.example.com'
      if (host.endsWith(suffix) && host.length > suffix.length) return true;
    } else if (normalizeHost(entry) === host) {
      return true;
    }
  }
  return false;
}
