import { describe, expect, it } from 'vitest';
import { LabelLimiter } from '../../src/metrics/label-limiter.js';
import { REDACTED_LABEL, safeLabelValue } from '../../src/metrics/label-value.js';

describe('LabelLimiter', () => {
  it('keeps the first max distinct safe values, then answers other; redacted stays redacted', () => {
    const l = new LabelLimiter(2);
    expect(l.value('support-bot')).toBe('support-bot');
    expect(l.value('billing')).toBe('billing');
    expect(l.value('third')).toBe('other');
    expect(l.value('support-bot')).toBe('support-bot');
    expect(l.value('alice@example.com')).toBe(REDACTED_LABEL);
    expect(l.value(undefined)).toBe('unknown');
  });

  it('answers the same as the uncached check after its memo of raw values filled and was cleared', () => {
    const l = new LabelLimiter(3000);
    const values = Array.from({ length: 2500 }, (_, i) => (i % 7 === 0 ? `user${i}@example.com` : `svc-${i}`));
    const first = values.map((v) => l.value(v));
    expect(first).toEqual(values.map(safeLabelValue));
    expect(values.map((v) => l.value(v))).toEqual(first);
  });
});
