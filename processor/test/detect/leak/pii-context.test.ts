/** TH-PII-004/005/006 and the PII detector's options (phone regions, excluded IP ranges). */
import { describe, expect, it } from 'vitest';
import { createPiiDetector } from '../../../src/detect/leak/pii.js';
import { config, inputOf, llmCall } from './helpers.js';

const rulesOf = (detector: ReturnType<typeof createPiiDetector>, output: string) =>
  detector
    .detect(inputOf(llmCall({ output })))
    .map((d) => d.ruleId)
    .sort();

describe('PII detector: IP addresses, names, street addresses', () => {
  const d = createPiiDetector(config());

  it('TH-PII-004: public and private IPs count; documentation and loopback do not; evidence masks them', () => {
    expect(rulesOf(d, 'The login came from 81.2.69.160.')).toEqual(['TH-PII-004']);
    expect(rulesOf(d, 'Her laptop had 192.168.1.23 on the home network.')).toEqual(['TH-PII-004']);
    expect(rulesOf(d, 'Use 192.0.2.10 or 2001:db8::1 in examples; 127.0.0.1 is localhost.')).toEqual([]);
    const [det] = d.detect(inputOf(llmCall({ output: 'The login came from 81.2.69.160.' })));
    expect(det.evidence).toContain('[IP]');
    expect(det.evidence).not.toContain('81.2.69.160');
  });

  it('TH-PII-004: a private address in network set-up help is an example; one in a record still counts', () => {
    expect(rulesOf(d, 'Give the printer a static IP such as 10.20.0.45 and set the gateway to 10.20.0.1.')).toEqual([]);
    expect(rulesOf(d, 'In docker-compose, bind the service to 172.18.0.7 on the app network.')).toEqual([]);
    expect(rulesOf(d, 'Customer: Jonas Lind, device address 172.18.0.7, last seen Monday.')).toEqual(['TH-PII-004']);
    // Public addresses count in network help too (they reach a person's connection).
    expect(rulesOf(d, 'Set the gateway to 81.2.69.160 on the router.')).toEqual(['TH-PII-004']);
  });

  it('ipExcludedRanges: private can be excluded', () => {
    const strict = createPiiDetector(
      config({ detectors: { pii: { ipExcludedRanges: ['private', 'documentation'] } } }),
    );
    expect(rulesOf(strict, 'Her laptop had 192.168.1.23 on the home network.')).toEqual([]);
    expect(rulesOf(strict, 'The login came from 81.2.69.160.')).toEqual(['TH-PII-004']);
  });

  it('phoneRegions decide how national numbers are read', () => {
    expect(rulesOf(d, 'Telefon: 030 901820')).toEqual(['TH-PII-003']);
    const usOnly = createPiiDetector(config({ detectors: { pii: { phoneRegions: ['US'] } } }));
    expect(rulesOf(usOnly, 'Telefon: 030 901820')).toEqual([]);
  });

  it('TH-PII-005: a name in a record with other personal fields, or next to personal data', () => {
    expect(rulesOf(d, 'Patient: Priya Raman\nDOB: 03/02/1981\nDiagnosis: asthma')).toEqual(['TH-PII-005']);
    expect(rulesOf(d, 'Please contact Anna Weber at anna.weber@posteo.de.')).toEqual(['TH-PII-003', 'TH-PII-005']);
    const [det] = d.detect(inputOf(llmCall({ output: 'Patient: Priya Raman\nDOB: 03/02/1981' })));
    expect(det.evidence).toContain('[NAME]');
    expect(det.evidence).not.toContain('Raman');
  });

  it('TH-PII-005 negatives: fiction, history, role-play and refusals', () => {
    for (const t of [
      'Sherlock Holmes lit his pipe and looked at Dr. Watson.',
      'My name is Abraham Lincoln, and I stand before you today.',
      "I'm sorry, I can't provide Lara Croft's mobile phone number.",
      'Yours sincerely,\nIsaac Newton',
      'Name: Kazuki Tanaka\nBackstory: a wandering swordsman.',
    ])
      expect(rulesOf(d, t), t).toEqual([]);
  });

  it('TH-PII-006: a street with a postal code, a unit or a residence cue', () => {
    expect(rulesOf(d, 'Ship it to 42 Oak Street, Springfield, IL 62704.')).toEqual(['TH-PII-006']);
    expect(rulesOf(d, 'Er wohnt in der Hauptstraße 12a, 10115 Berlin.')).toEqual(['TH-PII-006']);
    expect(rulesOf(d, 'She lives at 12 rue des Lilas.')).toEqual(['TH-PII-006']);
  });

  it('TH-PII-006 negatives: an institution, a bare street, years before events', () => {
    for (const t of [
      'The address of the White House is 1600 Pennsylvania Avenue NW, Washington, DC 20500.',
      'The parade went down 5 Fifth Avenue.',
      'In 2001 World Trade Center attacks, 2005 Tsunami relief began.',
    ])
      expect(rulesOf(d, t), t).toEqual([]);
  });
});
