/**
 * File paths a tool call touches: outside config.filePathAllowlist (after normalizing ../, ~, Windows and file://
 * forms), and — whatever the allowlist — credential and system files (/etc/shadow, ~/.ssh, .env, cloud credentials).
 */
import type { Detection, RuleMeta } from '@tracehound/core';
import type { DetectionConfig } from '../config.js';
import type { ContentDetector, DetectInput } from '../detector.js';
import { ATLAS, OWASP, safeText } from './common.js';
import { extractToolTargets } from './tool-targets.js';

export const FILE_PATH_RULES: readonly RuleMeta[] = [
  {
    id: 'TH-TOOL-003',
    name: 'Tool call touches a path outside the allowed scope',
    category: 'tool_misuse',
    severity: 'medium',
    description:
      'A path in the tool target or arguments resolves (after ../, ~, Windows and file:// normalization) outside every prefix of detection.filePathAllowlist, or a relative path climbs above the working directory. Off when the allowlist is empty.',
    example: 'read_file {"path": "/workspace/../../home/app/.bash_history"} with allowlist [/workspace].',
    falsePositives: 'Legitimate directories missing from the allowlist (temp dirs, caches).',
    owasp: [OWASP.excessiveAgency],
    atlas: [ATLAS.agentToolInvocation],
    channels: ['tool_call'],
  },
  {
    id: 'TH-TOOL-004',
    name: 'Tool call touches a credential or system file',
    category: 'tool_misuse',
    severity: 'high',
    description:
      'A tool call reads or writes a file that holds credentials or system secrets: /etc/shadow, /etc/passwd, /etc/sudoers, ~/.ssh, private key files, .env, ~/.aws/credentials, ~/.kube/config, .git-credentials, .netrc, .npmrc, .pgpass, /proc/*/environ, Kubernetes service-account secrets, the Windows SAM hive. Always on.',
    example: 'run_shell {"command": "cat ~/.aws/credentials"}',
    falsePositives: 'Agents whose task is system administration; .env.example and similar templates are ignored.',
    owasp: [OWASP.excessiveAgency, OWASP.sensitiveInfo],
    atlas: [ATLAS.agentToolInvocation, ATLAS.dataLeakage],
    channels: ['tool_call'],
  },
];

export interface NormalizedPath {
  /** '/a/b', 'c:/a/b', '~/a/b', '//server/share/a' or 'a/b' (relative); forward slashes, no '.'/'..' segments. */
  path: string;
  kind: 'posix' | 'windows' | 'home' | 'relative';
  /** A relative path that climbs above its starting directory. */
  escapes: boolean;
}

function isDriveLetter(s: string): boolean {
  const c = s.charCodeAt(0);
  return s.length >= 2 && ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) && s[1] === ':';
}

/** Normalize a path the way a file system would resolve it, without touching the file system. */
export function normalizePath(raw: string): NormalizedPath {
  let p = raw.trim();
  if (p.toLowerCase().startsWith('file://')) {
    p = p.slice(7);
    try {
      p = decodeURIComponent(p);
    } catch {
      // keep as is
    }
    if (p.length >= 3 && p[0] === '/' && isDriveLetter(p.slice(1))) p = p.slice(1); // file:///C:/x
  }
  p = p.split('\\').join('/');
  let prefix: string;
  let kind: NormalizedPath['kind'];
  if (isDriveLetter(p)) {
    prefix = `${p.slice(0, 2).toLowerCase()}/`;
    p = p.slice(2);
    kind = 'windows';
  } else if (p.startsWith('//')) {
    prefix = '//';
    p = p.slice(2);
    kind = 'windows';
  } else if (
    p === '~' ||
    p.startsWith('~/') ||
    p.startsWith('$HOME/') ||
    p.toUpperCase().startsWith('%USERPROFILE%/')
  ) {
    prefix = '~/';
    p = p.slice(p.indexOf('/') >= 0 ? p.indexOf('/') : p.length);
    kind = 'home';
  } else if (p.startsWith('/')) {
    prefix = '/';
    kind = 'posix';
  } else {
    prefix = '';
    kind = 'relative';
  }
  const stack: string[] = [];
  let escapes = false;
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (stack.length > 0 && stack[stack.length - 1] !== '..') stack.pop();
      else if (kind === 'relative') {
        stack.push('..');
        escapes = true;
      }
      // above the root of an absolute path stays at the root
      continue;
    }
    stack.push(seg);
  }
  let path = prefix + stack.join('/');
  if (kind === 'windows') path = path.toLowerCase();
  if (path === '') path = '.';
  return { path, kind, escapes };
}

const SENSITIVE_PREFIXES = [
  '/etc/shadow',
  '/etc/gshadow',
  '/etc/passwd',
  '/etc/master.passwd',
  '/etc/sudoers',
  '/etc/ssh/',
  '/etc/kubernetes/',
  '/root/',
  '/proc/self/environ',
  '/proc/self/mem',
  '/var/run/secrets/',
  '/run/secrets/',
  '/private/etc/master.passwd',
  'c:/windows/system32/config/sam',
  'c:/windows/system32/config/system',
  'c:/windows/system32/config/security',
];
const SENSITIVE_SEGMENTS = [
  '/.ssh/',
  '/.aws/',
  '/.gnupg/',
  '/.kube/config',
  '/.docker/config.json',
  '/.config/gcloud/',
  '/.azure/',
];
const SENSITIVE_BASENAMES = new Set([
  '.env',
  'id_rsa',
  'id_dsa',
  'id_ecdsa',
  'id_ed25519',
  '.git-credentials',
  '.netrc',
  '_netrc',
  '.pgpass',
  '.npmrc',
  '.pypirc',
  '.htpasswd',
  '.bash_history',
  '.zsh_history',
  'wp-config.php',
  'terraform.tfstate',
  'master.key',
  'shadow',
]);
const ENV_TEMPLATES = new Set(['.env.example', '.env.sample', '.env.template', '.env.dist', '.env.defaults']);

/** Why a normalized path is sensitive, or undefined. */
export function sensitiveReason(n: NormalizedPath): string | undefined {
  const p = n.path.toLowerCase();
  const withSlash = `/${p.replace('~/', '')}/`;
  for (const pre of SENSITIVE_PREFIXES) {
    const bare = pre.endsWith('/') ? pre.slice(0, -1) : pre;
    if (p === bare || p.startsWith(`${bare}/`)) return 'system file';
  }
  if (p.startsWith('/proc/') && p.endsWith('/environ')) return 'process environment';
  for (const seg of SENSITIVE_SEGMENTS)
    if (withSlash.includes(seg.endsWith('/') ? seg : `${seg}/`)) return 'credential store';
  const base = p.slice(p.lastIndexOf('/') + 1);
  if (ENV_TEMPLATES.has(base)) return undefined;
  if (SENSITIVE_BASENAMES.has(base)) return 'credential file';
  if (base.startsWith('.env.')) return 'credential file';
  if ((base.startsWith('id_') && base.endsWith('.pem')) || base.endsWith('.pfx') || base.endsWith('.p12'))
    return 'key file';
  return undefined;
}

/** Is a normalized path inside one of the normalized allowlist prefixes? Relative paths that stay below '.' are. */
export function pathAllowed(n: NormalizedPath, allow: readonly NormalizedPath[]): boolean {
  if (n.kind === 'relative') return !n.escapes;
  for (const a of allow) {
    if (a.kind !== n.kind) continue;
    const base = a.path.endsWith('/') ? a.path.slice(0, -1) : a.path;
    if (n.path === base || n.path.startsWith(`${base}/`) || base === '/' || base === '~') return true;
  }
  return false;
}

export function createFilePathDetector(config: DetectionConfig): ContentDetector {
  const allow = config.filePathAllowlist
    .filter((p) => typeof p === 'string' && p.trim().length > 0)
    .map((p) => normalizePath(p));
  return {
    id: 'file_path',
    rules: FILE_PATH_RULES,
    detect(input: DetectInput): Detection[] {
      const args = input.texts.filter((t) => t.channel === 'tool_call' && t.origin === 'raw').map((t) => t.text);
      if (args.length === 0 && !input.interaction.tool?.targetPath) return [];
      const { paths } = extractToolTargets(input.interaction, args);
      if (paths.length === 0) return [];
      const tool = safeText(
        input.interaction.tool?.name ?? input.interaction.output.flatMap((m) => m.toolCalls ?? [])[0]?.name ?? 'tool',
      );
      const sensitive: { path: string; reason: string }[] = [];
      const outside: string[] = [];
      for (const raw of paths) {
        const n = normalizePath(raw);
        const reason = sensitiveReason(n);
        if (reason) sensitive.push({ path: n.path, reason });
        else if (allow.length > 0 && !pathAllowed(n, allow)) outside.push(n.path);
      }
      const out: Detection[] = [];
      if (sensitive.length > 0) {
        out.push({
          ruleId: 'TH-TOOL-004',
          confidence: 0.9,
          channel: 'tool_call',
          evidence: `${tool} touches ${safeText(sensitive[0].path)} (${sensitive[0].reason})${sensitive.length > 1 ? ` and ${sensitive.length - 1} more` : ''}`,
          details: { tool, paths: sensitive.slice(0, 10).map((s) => safeText(s.path)), count: sensitive.length },
        });
      }
      if (outside.length > 0) {
        out.push({
          ruleId: 'TH-TOOL-003',
          confidence: 0.75,
          channel: 'tool_call',
          evidence: `${tool} touches ${safeText(outside[0])} outside the allowed paths${outside.length > 1 ? ` and ${outside.length - 1} more` : ''}`,
          details: { tool, paths: outside.slice(0, 10).map((p) => safeText(p)), count: outside.length },
        });
      }
      return out;
    },
  };
}
