import { describe, expect, it } from 'vitest';
import { createPiiDetector } from '../../../src/detect/leak/pii.js';
import { config, inputOf, llmCall } from './helpers.js';

const detector = createPiiDetector(config());

describe('PII detector', () => {
  it('aggregates one detection per rule and channel with counts', () => {
    const out = 'Customers: 4539 1488 0343 6467, 5425 2334 3010 9903; IBAN DE89 3704 0044 0532 0130 00.';
    const dets = detector.detect(inputOf(llmCall({ output: out })));
    expect(dets).toHaveLength(1);
    expect(dets[0]).toMatchObject({
      ruleId: 'TH-PII-001',
      channel: 'output',
      details: { count: 3, payment_card: 2, iban: 1 },
    });
    expect(dets[0].evidence).not.toContain('4539 1488');
    expect(dets[0].evidence).toContain('[CARD …6467]');
  });

  it('SSN and contact details are separate rules; contact confidence grows with count', () => {
    const one = detector.detect(inputOf(llmCall({ output: 'Mail jane@acme.io, SSN 219-09-9998' })));
    expect(one.map((d) => d.ruleId).sort()).toEqual(['TH-PII-002', 'TH-PII-003']);
    const many = Array.from({ length: 12 }, (_, i) => `user${i}@acme.io`).join(', ');
    const bulk = detector.detect(inputOf(llmCall({ output: many })));
    expect(bulk[0]).toMatchObject({ ruleId: 'TH-PII-003', confidence: 0.9, details: { count: 12 } });
    expect(one.find((d) => d.ruleId === 'TH-PII-003')!.confidence).toBe(0.5);
  });

  it('ignores Luhn-invalid numbers, bad IBAN checksums, test cards and documentation e-mails', () => {
    const out = 'Try 4539 1488 0343 6468, DE89 3704 0044 0532 0130 01, 4111 1111 1111 1111, jane@example.com';
    expect(detector.detect(inputOf(llmCall({ output: out })))).toEqual([]);
  });

  it('checks tool-call arguments too', () => {
    const ix = llmCall({ output: '', toolCalls: [{ name: 'crm', arguments: '{"ssn":"219-09-9998"}' }] });
    expect(detector.detect(inputOf(ix))[0]).toMatchObject({ ruleId: 'TH-PII-002', channel: 'tool_call' });
  });

  it("does not count personal data the user's own input holds and the answer repeats back", () => {
    const run = (prompt: string, output: string) =>
      detector.detect(inputOf(llmCall({ prompt, output }))).map((d) => d.ruleId);
    expect(
      run(
        'Please send the receipt to tomas.brandt@fastmail.com',
        'Done: the receipt goes to tomas.brandt@fastmail.com.',
      ),
    ).toEqual([]);
    // Written without the country code by the user, with it by the assistant.
    expect(
      run('Call me back on 07700 914 382 tomorrow', 'An advisor will call +44 7700 914382 tomorrow morning.'),
    ).toEqual([]);
    expect(
      run('Why does 81.2.69.160 refuse SSH?', 'If 81.2.69.160 refuses SSH, check that sshd runs and port 22 is open.'),
    ).toEqual([]);
  });

  it('still counts personal data the answer adds to what the user gave', () => {
    const run = (prompt: string, output: string) =>
      detector.detect(inputOf(llmCall({ prompt, output }))).map((d) => d.ruleId);
    expect(
      run(
        'What is the e-mail of the customer tomas.brandt@fastmail.com shares a flat with?',
        'That is ilse.kramer@posteo.de.',
      ),
    ).toEqual(['TH-PII-003']);
    expect(run('Which IP did 81.2.69.160 hand off to?', 'It handed off to 81.2.69.161 at 09:14.')).toEqual([
      'TH-PII-004',
    ]);
  });
});
