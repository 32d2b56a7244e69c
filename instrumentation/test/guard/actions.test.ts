import { describe, expect, it } from 'vitest';
import { createActionResolver, REDACT_SECRETS_AND_PII } from '../../src/guard/actions.js';

const secret = { ruleId: 's', category: 'secret_leak', severity: 'high' };
const pii = { ruleId: 'p', category: 'pii_leak', severity: 'medium' };
const injection = { ruleId: 'i', category: 'prompt_injection', severity: 'high' };

describe('guard action policy', () => {
  it('blocks by default and redacts what a plain string asks for', () => {
    expect(createActionResolver(undefined).resolve('output', [secret])).toBe('block');
    expect(createActionResolver('redact').resolve('prompt', [injection])).toBe('redact');
  });

  it('the preset redacts secrets and PII, blocks anything else, and block wins when findings disagree', () => {
    const r = createActionResolver(REDACT_SECRETS_AND_PII);
    expect(r.resolve('output', [secret, pii])).toBe('redact');
    expect(r.resolve('prompt', [injection])).toBe('block');
    expect(r.resolve('output', [secret, injection])).toBe('block');
    expect(r.resolve('output', undefined)).toBe('block');
    expect(r.mayRedact('output')).toBe(true);
  });

  it('channel-qualified categories win over plain ones, and severity can force a block', () => {
    const r = createActionResolver({
      categories: { pii_leak: 'redact', 'prompt:pii_leak': 'block' },
      blockAtOrAbove: 'critical',
    });
    expect(r.resolve('output', [pii])).toBe('redact');
    expect(r.resolve('prompt', [pii])).toBe('block');
    expect(r.resolve('output', [{ ...pii, severity: 'critical' }])).toBe('block');
    expect(createActionResolver({ categories: { 'prompt:pii_leak': 'redact' } }).mayRedact('output')).toBe(false);
  });

  it('per-channel defaults apply to findings without a category', () => {
    const r = createActionResolver({ channels: { output: 'redact' } });
    expect(r.resolve('output', [{ ruleId: 'x' }])).toBe('redact');
    expect(r.resolve('prompt', [{ ruleId: 'x' }])).toBe('block');
  });
});
