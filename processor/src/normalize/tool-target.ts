/**
 * Where a tool call reaches, when the span does not say it explicitly (`tracehound.tool.target.*`): the usual
 * top-level argument names of fetch/browse/file tools, and the host of a target URL. Only small JSON objects are
 * read; anything else is left to the detectors that scan the arguments text.
 */
import type { ToolInfo } from '@tracehound/core';

const MAX_ARGS_CHARS = 1 << 16;
const URL_KEYS = ['url', 'uri', 'href', 'link', 'endpoint', 'website', 'target_url', 'targetUrl'] as const;
const HOST_KEYS = ['host', 'hostname', 'domain'] as const;
const PATH_KEYS = ['path', 'file_path', 'filePath', 'filepath', 'file', 'filename', 'directory', 'dir'] as const;

function pick(o: Record<string, unknown>, keys: readonly string[]): string | undefined {
  for (const k of keys) {
    const v = o[k];
    if (typeof v === 'string' && v.length > 0 && v.length < 4096) return v;
  }
  return undefined;
}

function hostOf(url: string): string | undefined {
  try {
    const h = new URL(url).hostname;
    return h.length > 0 ? h.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

/** Fill targetUrl / targetHost / targetPath where missing. Never throws. */
export function inferToolTarget(tool: ToolInfo): void {
  if (
    !tool.targetUrl &&
    !tool.targetHost &&
    !tool.targetPath &&
    tool.arguments &&
    tool.arguments.length <= MAX_ARGS_CHARS
  ) {
    const t = tool.arguments.trimStart();
    if (t.charCodeAt(0) === 123 /* { */) {
      try {
        const o = JSON.parse(t) as unknown;
        if (typeof o === 'object' && o !== null && !Array.isArray(o)) {
          const rec = o as Record<string, unknown>;
          const url = pick(rec, URL_KEYS);
          if (url) tool.targetUrl = url;
          const host = pick(rec, HOST_KEYS);
          if (host) tool.targetHost = host.toLowerCase();
          const path = pick(rec, PATH_KEYS);
          if (path) tool.targetPath = path;
        }
      } catch {
        // Unparseable arguments: nothing to infer (the raw text is still scanned).
      }
    }
  }
  if (tool.targetUrl && !tool.targetHost) {
    const h = hostOf(tool.targetUrl);
    if (h) tool.targetHost = h;
  }
}
