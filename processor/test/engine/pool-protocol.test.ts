import { serialize } from 'node:v8';
import { emptyInteraction, type Interaction } from '@tracehound/core';
import { describe, expect, it } from 'vitest';
import { channelTexts } from '../../src/detect/texts.js';
import { packJob, unpackJob } from '../../src/engine/pool/protocol.js';
import type { ChannelText } from '../../src/detect/detector.js';

function interaction(): Interaction {
  const ix = emptyInteraction('llm_call', 'test');
  ix.systemInstructions = 'You are the assistant of a garden shop.';
  ix.input = [
    { role: 'system', content: 'Answer briefly.' },
    { role: 'assistant', content: 'Earlier answer.' },
    { role: 'user', content: 'Which roses climb a north wall?' },
    { role: 'tool', content: '{"stock": 12}' },
  ];
  ix.documents = [{ content: 'Climbing roses need four hours of sun.' }];
  ix.output = [
    {
      role: 'assistant',
      content: 'Try a rambler.',
      toolCalls: [
        { name: 'stock', arguments: '{"sku": 1}' },
        { name: 'price', arguments: '{"sku": 2}' },
      ],
    },
  ];
  ix.tool = { name: 'stock', arguments: '{"sku": 3}', result: '{"n": 4}' };
  return ix;
}

const roundTrip = (ix: Interaction, texts: ChannelText[]) => unpackJob(structuredClone(packJob({ ix, texts }))).texts;

describe('detection pool wire format', () => {
  it('sends each text that is a field of the Interaction by reference and gets the same texts back', () => {
    const ix = interaction();
    const texts = channelTexts(ix);
    const wire = packJob({ ix, texts });
    expect(wire.texts.every((t) => t.ref !== undefined && t.text === undefined)).toBe(true);
    // Same texts, same keys in the same order, as the detectors would have read them in-process.
    expect(roundTrip(ix, texts)).toStrictEqual(texts);
    expect(roundTrip(ix, texts).map((t) => Object.keys(t))).toEqual(texts.map((t) => Object.keys(t)));
  });

  it('sends a text that is no field of the Interaction (or differs from it) inline', () => {
    const ix = interaction();
    const texts: ChannelText[] = [
      { channel: 'prompt', text: 'not in the interaction', origin: 'raw', index: 2 },
      { channel: 'output', text: 'decoded from base64', origin: 'base64', index: 0 },
      { channel: 'tool_call', text: '{"sku": 9}', origin: 'raw', index: 0 },
      { channel: 'document', text: 'x', origin: 'raw', index: 7 },
    ];
    const wire = packJob({ ix, texts });
    expect(wire.texts.map((t) => t.ref)).toEqual([undefined, undefined, undefined, undefined]);
    expect(roundTrip(ix, texts)).toStrictEqual(texts);
  });

  it('finds the second tool call of a message and the span’s own tool fields', () => {
    const ix = interaction();
    const texts: ChannelText[] = [
      { channel: 'tool_call', text: ix.output[0]!.toolCalls![1]!.arguments!, origin: 'raw', index: 0 },
      { channel: 'tool_call', text: ix.tool!.arguments!, origin: 'raw' },
      { channel: 'tool_result', text: ix.tool!.result!, origin: 'raw' },
    ];
    expect(packJob({ ix, texts }).texts.every((t) => t.ref !== undefined)).toBe(true);
    expect(roundTrip(ix, texts)).toStrictEqual(texts);
  });

  it('carries a span’s text once instead of twice', () => {
    const ix = interaction();
    ix.input[2]!.content = 'a long question '.repeat(500);
    const texts = channelTexts(ix);
    const plain = serialize([{ ix, texts }]).length;
    const packed = serialize([packJob({ ix, texts })]).length;
    expect(plain - packed).toBeGreaterThan(7000);
  });
});
