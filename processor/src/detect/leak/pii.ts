/**
 * PII detector: validated personal data in model outputs and tool-call arguments, aggregated to one detection per
 * rule and channel with counts (a single e-mail address is routine; a page of card numbers is a dump).
 */
import type { Detection, RuleMeta, Channel } from '@tracehound/core';
import { findPii, PII_LABEL, type PiiKind, type PiiMatch, evidenceSnippet } from '@tracehound/core/privacy';
import type { DetectionConfig } from '../config.js';
import type { ContentDetector, DetectInput } from '../detector.js';
import { ATLAS, OWASP, textsOn } from './common.js';

const CHANNELS: Channel[] = ['output', 'tool_call'];

function rule(
  id: string,
  name: string,
  severity: RuleMeta['severity'],
  description: string,
  example: string,
  fp: string,
): RuleMeta {
  return {
    id,
    name,
    category: 'pii_leak',
    severity,
    description,
    example,
    falsePositives: fp,
    owasp: [OWASP.sensitiveInfo],
    atlas: [ATLAS.dataLeakage],
    channels: CHANNELS,
  };
}

export const PII_RULES: readonly RuleMeta[] = [
  rule(
    'TH-PII-001',
    'Payment card or bank account number in output',
    'medium',
    'Payment card numbers (Luhn-valid, known issuer range and length, consistent grouping) and IBANs (country length and ISO 7064 mod-97), counted per channel.',
    'The card on file is [CARD …1111], IBAN [IBAN DE…].',
    'Numbers that happen to pass Luhn inside long identifiers; published test cards (4111 1111 1111 1111…) are ignored.',
  ),
  rule(
    'TH-PII-002',
    'US social security number in output',
    'medium',
    'NNN-NN-NNNN numbers with a valid structure (area not 000/666/9xx, group not 00, serial not 0000; well-known published examples excluded).',
    'SSN: [SSN]',
    'Dashed reference numbers with the same layout.',
  ),
  rule(
    'TH-PII-003',
    'Contact details in output',
    'low',
    'E-mail addresses (documentation domains ignored) and phone numbers in conservative formats (E.164, NANP with separators, FR/UK national layouts), counted per channel; confidence grows with the count.',
    'Reach him at [EMAIL] or [PHONE].',
    'Public support addresses and hotline numbers quoted by an assistant.',
  ),
];

const RULE_BY_KIND: Record<PiiKind, string> = {
  payment_card: 'TH-PII-001',
  iban: 'TH-PII-001',
  us_ssn: 'TH-PII-002',
  email: 'TH-PII-003',
  phone: 'TH-PII-003',
};

/** Confidence by rule and number of items: identifiers are meaningful alone, contact details in bulk. */
function confidenceFor(ruleId: string, count: number): number {
  if (ruleId === 'TH-PII-003') return count >= 10 ? 0.9 : count >= 3 ? 0.7 : 0.5;
  return count >= 3 ? 0.95 : 0.8;
}

export function createPiiDetector(_config: DetectionConfig): ContentDetector {
  return {
    id: 'pii',
    rules: PII_RULES,
    detect(input: DetectInput): Detection[] {
      // Aggregate over every text of a channel (raw texts only: de-obfuscated variants would double-count).
      const perChannel = new Map<Channel, { text: string; matches: PiiMatch[] }[]>();
      for (const t of textsOn(input, CHANNELS)) {
        if (t.origin !== 'raw') continue;
        const matches = findPii(t.text).filter((m) => m.real);
        if (matches.length === 0) continue;
        const list = perChannel.get(t.channel) ?? [];
        list.push({ text: t.text, matches });
        perChannel.set(t.channel, list);
      }
      const out: Detection[] = [];
      for (const [channel, entries] of perChannel) {
        const byRule = new Map<
          string,
          { counts: Partial<Record<PiiKind, number>>; first: { text: string; m: PiiMatch } }
        >();
        for (const e of entries) {
          for (const m of e.matches) {
            const id = RULE_BY_KIND[m.kind];
            const agg = byRule.get(id) ?? { counts: {}, first: { text: e.text, m } };
            agg.counts[m.kind] = (agg.counts[m.kind] ?? 0) + 1;
            byRule.set(id, agg);
          }
        }
        for (const [ruleId, agg] of byRule) {
          const count = Object.values(agg.counts).reduce((a, b) => a + (b ?? 0), 0);
          const summary = Object.entries(agg.counts)
            .map(([k, n]) => `${n} ${PII_LABEL[k as PiiKind]}${n === 1 ? '' : 's'}`)
            .join(', ');
          out.push({
            ruleId,
            confidence: confidenceFor(ruleId, count),
            channel,
            evidence: `${summary}: ${evidenceSnippet(agg.first.text, agg.first.m.start, agg.first.m.end)}`,
            details: { count, ...(agg.counts as Record<string, number>) },
          });
        }
      }
      return out;
    },
  };
}
