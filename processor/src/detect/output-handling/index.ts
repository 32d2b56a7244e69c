/**
 * Insecure output handling (OWASP LLM05:2025): model output that a downstream sink would execute. Answers are read
 * as a browser would render them (markdown code blanked): active content (TH-OUT-001) and images that carry data to
 * another host (TH-OUT-002). Tool arguments written by the model are read value by value, as the tool would use
 * them: shell payloads (TH-OUT-003), SQL injection (TH-OUT-004), destructive SQL sent to a database tool
 * (TH-OUT-005), and active web content (TH-OUT-001, e.g. a script in an e-mail body). Every pattern is RE2, compiled
 * once at load; each text is scanned a fixed number of times, so the cost is linear in its size.
 *
 * Options (detection.detectors.output_handling): `trustedLinkHosts`, hosts (and their subdomains) whose image and
 * link URLs are never reported, e.g. your own CDN.
 */
import type { Channel, Detection, Interaction } from '@tracehound/core';
import { evidenceSnippet } from '@tracehound/core/privacy';
import type { DetectionConfig } from '../config.js';
import type { ContentDetector, DetectInput } from '../detector.js';
import { blankMarkdownCode, findActiveContent, renderedUrls } from './markup.js';
import { OUT, OUTPUT_HANDLING_RULES } from './rules.js';
import { findShellPayload, isShellTool } from './shell.js';
import { findDestructiveSql, findSqlInjection, isSqlTool } from './sql.js';
import { argumentValues } from './tool-args.js';
import { dataInUrl, urlHost } from './url-data.js';

export const DETECTOR_ID = 'output_handling';

const IMAGE_LIMITS = { minTextChars: 16, minEncodedChars: 24, text: true };
const LINK_LIMITS = { minTextChars: Number.MAX_SAFE_INTEGER, minEncodedChars: 48, text: false };

function trustedHosts(config: DetectionConfig): string[] {
  const opts = config.detectors[DETECTOR_ID] ?? {};
  const list = Array.isArray(opts.trustedLinkHosts) ? opts.trustedLinkHosts : [];
  return list
    .filter((h): h is string => typeof h === 'string' && h.trim().length > 0)
    .map((h) => h.trim().toLowerCase())
    .map((h) => (h.startsWith('*.') ? h.slice(2) : h));
}

/** A host and its subdomains ('*.cdn.example' and 'cdn.example' mean the same). */
const hostTrusted = (host: string, trusted: readonly string[]) =>
  trusted.some((t) => host === t || host.endsWith(`.${t}`));

/** Tool name for a tool_call text: the execute-tool span's tool, else the requested call of that output message. */
function toolName(ix: Interaction, index: number | undefined): string {
  if (ix.tool?.name) return ix.tool.name;
  const calls = index !== undefined ? (ix.output[index]?.toolCalls ?? []) : [];
  return calls[0]?.name ?? '';
}

export function createOutputHandlingDetector(config: DetectionConfig): ContentDetector {
  const trusted = trustedHosts(config);

  const scanOutput = (text: string, index: number | undefined, out: Detection[]) => {
    const rendered = blankMarkdownCode(text);
    const active = findActiveContent(rendered);
    if (active)
      out.push({
        ruleId: OUT.activeContent,
        confidence: 0.85,
        channel: 'output',
        evidence: `${active.what}: ${evidenceSnippet(text, active.start, active.end, 120)}`,
        details: { construct: active.what, sink: 'browser', ...(index !== undefined ? { index } : {}) },
      });
    for (const ref of renderedUrls(rendered)) {
      const host = urlHost(ref.url);
      if (!host || hostTrusted(host, trusted)) continue;
      const data = dataInUrl(ref.url, ref.image ? IMAGE_LIMITS : LINK_LIMITS);
      if (!data) continue;
      out.push({
        ruleId: OUT.renderExfiltration,
        confidence: ref.image ? (data.kind === 'secret' ? 1 : 0.9) : data.kind === 'secret' ? 0.85 : 0.7,
        channel: 'output',
        // The host is shown, never the URL: its query is the data being sent.
        evidence: `${ref.image ? 'image' : 'link'} to ${host} carries ${data.kind === 'secret' ? 'a credential' : data.kind === 'text' ? 'encoded text' : 'an encoded blob'} in ${data.where === 'path' ? 'its path' : `parameter ${data.where}`} (${data.length} chars)`,
        details: {
          host,
          element: ref.image ? 'image' : 'link',
          dataKind: data.kind,
          dataChars: data.length,
          ...(index !== undefined ? { index } : {}),
        },
      });
      break; // one exfiltration finding per message is enough
    }
  };

  const scanToolArgs = (ix: Interaction, text: string, index: number | undefined, out: Detection[]) => {
    const tool = toolName(ix, index);
    const shellTool = isShellTool(tool);
    const sqlTool = isSqlTool(tool);
    const seen = new Set<string>();
    const push = (d: Detection) => {
      if (seen.has(d.ruleId)) return;
      seen.add(d.ruleId);
      out.push(d);
    };
    const toolLabel = tool || 'tool';
    for (const v of argumentValues(text)) {
      const sh = findShellPayload(v, shellTool);
      if (sh)
        push({
          ruleId: OUT.shellInjection,
          confidence: sh.dangerous ? 0.95 : 0.8,
          channel: 'tool_call',
          evidence: `${toolLabel}: ${sh.what}: ${evidenceSnippet(v, sh.start, sh.end, 120)}`,
          details: { tool: toolLabel, construct: sh.what, shellTool, sink: 'shell' },
        });
      const sq = findSqlInjection(v, sqlTool);
      if (sq)
        push({
          ruleId: OUT.sqlInjection,
          confidence: 0.85,
          channel: 'tool_call',
          evidence: `${toolLabel}: ${sq.what}: ${evidenceSnippet(v, sq.start, sq.end, 120)}`,
          details: { tool: toolLabel, construct: sq.what, sqlTool, sink: 'sql' },
        });
      if (sqlTool) {
        const ds = findDestructiveSql(v);
        if (ds)
          push({
            ruleId: OUT.destructiveSql,
            confidence: 0.75,
            channel: 'tool_call',
            evidence: `${toolLabel}: ${ds.what}: ${evidenceSnippet(v, ds.start, ds.end, 120)}`,
            details: { tool: toolLabel, construct: ds.what, sink: 'sql' },
          });
      }
      if (!seen.has(OUT.activeContent)) {
        const active = findActiveContent(blankMarkdownCode(v));
        if (active)
          push({
            ruleId: OUT.activeContent,
            confidence: 0.8,
            channel: 'tool_call',
            evidence: `${toolLabel}: ${active.what}: ${evidenceSnippet(v, active.start, active.end, 120)}`,
            details: { tool: toolLabel, construct: active.what, sink: 'tool' },
          });
      }
    }
  };

  return {
    id: DETECTOR_ID,
    rules: OUTPUT_HANDLING_RULES,
    detect(input: DetectInput): Detection[] {
      const out: Detection[] = [];
      for (const t of input.texts) {
        if (t.origin !== 'raw') continue;
        const channel: Channel = t.channel;
        if (channel === 'output') scanOutput(t.text, t.index, out);
        else if (channel === 'tool_call') scanToolArgs(input.interaction, t.text, t.index, out);
      }
      return out;
    },
  };
}

export { OUT } from './rules.js';
