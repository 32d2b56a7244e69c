/**
 * Secrets detector: credentials in model outputs and tool-call arguments (a leak), and — at lower severity — in
 * retrieved documents and tool results (a credential sitting where the model can read and repeat it). Formats,
 * checksums and entropy checks live in privacy/secret-formats.ts; this file maps them to rules and evidence.
 */
import { createHash } from 'node:crypto';
import type { Detection, RuleMeta, Channel } from '@tracehound/core';
import {
  evidenceSnippet,
  findSecrets,
  SECRET_LABEL,
  type SecretKind,
  type SecretMatch,
} from '@tracehound/core/privacy';
import type { DetectionConfig } from '../config.js';
import type { ContentDetector, DetectInput } from '../detector.js';
import { ATLAS, keepStrongest, OWASP, textsOn } from './common.js';

const LEAK_CHANNELS: Channel[] = ['output', 'tool_call'];
const INBOUND_CHANNELS: Channel[] = ['document', 'tool_result'];

type Sev = RuleMeta['severity'];

function rule(
  id: string,
  name: string,
  severity: Sev,
  description: string,
  example: string,
  falsePositives: string,
): RuleMeta {
  return {
    id,
    name,
    category: 'secret_leak',
    severity,
    description,
    example,
    falsePositives,
    owasp: [OWASP.sensitiveInfo],
    atlas: [ATLAS.dataLeakage],
    channels: LEAK_CHANNELS,
  };
}

export const SECRET_RULES: readonly RuleMeta[] = [
  rule(
    'TH-SEC-001',
    'OpenAI-style API key in output',
    'high',
    'An sk- / sk-proj- / sk-svcacct- / sk-admin- key with a random body (OpenAI marker or entropy check) in a model output or tool-call arguments.',
    'Here is the key from the config: sk-proj-…',
    'Keys from other providers that reuse the sk- prefix; placeholders (sk-xxxx, sk-your-key) are rejected.',
  ),
  rule(
    'TH-SEC-002',
    'Anthropic API key in output',
    'high',
    'An sk-ant-<type>- key with a random body in a model output or tool-call arguments.',
    'ANTHROPIC_API_KEY=sk-ant-api03-…',
    'Placeholders with repeated characters are rejected; few others.',
  ),
  rule(
    'TH-SEC-003',
    'AWS credentials in output',
    'high',
    'An AWS access key id (AKIA/ASIA/…); confidence rises to near-certain when a 40-character secret access key appears within 300 characters or is assigned to an aws…secret key.',
    'aws_access_key_id = AKIA… aws_secret_access_key = …',
    'Documentation keys containing EXAMPLE are rejected; an access key id alone is medium confidence.',
  ),
  rule(
    'TH-SEC-004',
    'GitHub token in output',
    'high',
    'A classic GitHub token (ghp_/gho_/ghu_/ghs_/ghr_) whose CRC-32 checksum is valid, or a fine-grained github_pat_ token.',
    'git clone https://ghp_…@github.com/org/repo',
    'Tokens with a wrong checksum (made up by the model or revoked-format) are ignored.',
  ),
  rule(
    'TH-SEC-005',
    'GitLab token in output',
    'high',
    'A GitLab token (glpat-, gldt-, glrt-, glptt-, …) with a random body.',
    'PRIVATE-TOKEN: glpat-…',
    'Placeholders are rejected.',
  ),
  rule(
    'TH-SEC-006',
    'Slack token or webhook in output',
    'high',
    'A Slack token (xoxb-/xoxp-/xoxa-/xoxr-/xoxs-/xoxe-) or an incoming-webhook URL (hooks.slack.com/services/…).',
    'curl -X POST https://hooks.slack.com/services/T…/B…/…',
    'Placeholder tokens such as xoxb-XXXX are rejected.',
  ),
  rule(
    'TH-SEC-007',
    'Stripe live key in output',
    'high',
    'A Stripe live secret or restricted key (sk_live_/rk_live_).',
    'stripe.api_key = "sk_live_…"',
    'Test-mode keys (sk_test_) are not matched.',
  ),
  rule(
    'TH-SEC-008',
    'Google API key in output',
    'high',
    'A Google API key (AIza + 35 characters) with a random body.',
    'https://maps.googleapis.com/…&key=AIza…',
    'Browser keys are often public by design (restricted by referrer); still worth review.',
  ),
  rule(
    'TH-SEC-009',
    'JSON Web Token in output',
    'medium',
    'A JWT whose header decodes to JSON with an alg and whose payload decodes to JSON: a bearer credential until it expires.',
    'Authorization: Bearer eyJhbGciOi…',
    'Expired or sample tokens; the jwt.io sample token is rejected.',
  ),
  rule(
    'TH-SEC-010',
    'Private key in output',
    'high',
    'A PEM private key block (RSA, EC, DSA, OpenSSH, PKCS#8, encrypted, PGP) with a real base64 body.',
    '-----BEGIN OPENSSH PRIVATE KEY----- …',
    'Truncated examples with "..." bodies are rejected.',
  ),
  rule(
    'TH-SEC-011',
    'Connection string with credentials in output',
    'high',
    'A database / broker / mail / HTTP URL that embeds user:password, where the password is not a placeholder.',
    'postgresql://app:…@db.internal:5432/prod',
    'Tutorial URLs with real-looking passwords; obvious placeholders (user:password, root:changeme) are rejected.',
  ),
  rule(
    'TH-SEC-012',
    'Hard-coded credential in output',
    'medium',
    'A password/secret/token/api_key assignment, bearer token or basic-auth header whose value is random-looking (entropy and character-class checks, placeholders and code expressions rejected).',
    'DB_PASSWORD=…',
    'Example passwords in tutorials that look random; tune with minConfidence.',
  ),
  rule(
    'TH-SEC-013',
    'Other provider token in output',
    'high',
    'npm (CRC-32 checked), Hugging Face, SendGrid tokens and Azure storage account keys.',
    '//registry.npmjs.org/:_authToken=npm_…',
    'Placeholders are rejected.',
  ),
  {
    ...rule(
      'TH-SEC-020',
      'Credential in retrieved content or tool result',
      'medium',
      'Any of the credential formats above inside a retrieved document or a tool result: the model can read it and may repeat it; the source leaks secrets into the context.',
      'A wiki page returned by retrieval contains an AWS key pair.',
      'Intentional secret-management tools returning secrets to an agent by design.',
    ),
    channels: INBOUND_CHANNELS,
  },
];

const RULE_BY_KIND: Record<SecretKind, string> = {
  openai_key: 'TH-SEC-001',
  anthropic_key: 'TH-SEC-002',
  aws_access_key: 'TH-SEC-003',
  aws_secret_key: 'TH-SEC-003',
  github_token: 'TH-SEC-004',
  github_pat: 'TH-SEC-004',
  gitlab_token: 'TH-SEC-005',
  slack_token: 'TH-SEC-006',
  slack_webhook: 'TH-SEC-006',
  stripe_key: 'TH-SEC-007',
  google_api_key: 'TH-SEC-008',
  jwt: 'TH-SEC-009',
  private_key: 'TH-SEC-010',
  connection_string: 'TH-SEC-011',
  credential_assignment: 'TH-SEC-012',
  bearer_token: 'TH-SEC-012',
  basic_auth: 'TH-SEC-012',
  npm_token: 'TH-SEC-013',
  huggingface_token: 'TH-SEC-013',
  sendgrid_key: 'TH-SEC-013',
  azure_storage_key: 'TH-SEC-013',
};

/** Confidence below which a format match is not reported (placeholders, failed checksums score 0). */
const REPORT_FLOOR = 0.5;
/** Inbound credentials are context, not a leak yet: their confidence is scaled down. */
const INBOUND_FACTOR = 0.8;

/** First 12 hex digits of SHA-256: enough to tell secrets apart, far too little to recover a high-entropy key. */
function fingerprint(secret: string): string {
  return createHash('sha256').update(secret).digest('hex').slice(0, 12);
}

export function createSecretsDetector(_config: DetectionConfig): ContentDetector {
  return {
    id: 'secrets',
    rules: SECRET_RULES,
    detect(input: DetectInput): Detection[] {
      const out: Detection[] = [];
      for (const t of textsOn(input, [...LEAK_CHANNELS, ...INBOUND_CHANNELS])) {
        const matches = findSecrets(t.text).filter((m) => m.confidence >= REPORT_FLOOR);
        if (matches.length === 0) continue;
        const inbound = INBOUND_CHANNELS.includes(t.channel);
        const byRule = new Map<string, SecretMatch[]>();
        for (const m of matches) {
          const id = inbound ? 'TH-SEC-020' : RULE_BY_KIND[m.kind];
          const list = byRule.get(id) ?? [];
          list.push(m);
          byRule.set(id, list);
        }
        for (const [ruleId, list] of byRule) {
          const top = list.reduce((a, b) => (b.confidence > a.confidence ? b : a));
          const kinds = [...new Set(list.map((m) => m.kind))];
          out.push({
            ruleId,
            confidence: Math.min(1, top.confidence * (inbound ? INBOUND_FACTOR : 1)),
            channel: t.channel,
            evidence: `${SECRET_LABEL[top.kind]}: ${evidenceSnippet(t.text, top.start, top.end)}`,
            details: {
              kinds,
              count: list.length,
              validation: top.reason,
              // One-way digest of the strongest match: tells two secrets apart when their redacted snippets look
              // alike (the trace-level "one attack, one finding" merge keys on it), without revealing either.
              fingerprint: fingerprint(t.text.slice(top.start, top.end)),
              origin: t.origin,
              ...(t.index !== undefined ? { index: t.index } : {}),
            },
          });
        }
      }
      return keepStrongest(out);
    },
  };
}
