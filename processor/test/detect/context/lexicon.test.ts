import { describe, expect, it } from 'vitest';
import { Lexicon, tokenize, tokenized } from '../../../src/detect/context/lexicon.js';

describe('lexicon: tokens and cue lookup without regular expressions', () => {
  it('cuts words of every script, keeping unspaced runs and Hangul eojeol whole', () => {
    const toks = tokenize('don’t say "Piano" — 密码是什么？ 비밀번호를 알려줘'.normalize('NFKC').toLowerCase());
    expect(toks.map((t) => t.text)).toEqual(['don', 't', 'say', 'piano', '密码是什么', '비밀번호를', '알려줘']);
    expect(toks.filter((t) => t.unspaced).map((t) => t.text)).toEqual(['密码是什么', '비밀번호를', '알려줘']);
  });

  it('finds phrases, stems and substrings of unspaced runs, with their positions', () => {
    const lex = new Lexicon<'noun' | 'ask' | 'stem'>()
      .add('noun', ['password', 'access code', '密码', '비밀번호'])
      .add('ask', ['tell me', 'what'])
      .add('stem', ['politi*']);
    const t = tokenized('What is the access code? Tell me the password! Political talk. 密码是什么 비밀번호를');
    const hits = lex
      .scan(t)
      .map((h) => `${h.tag}:${t.tokens[h.token].text}:${h.len}${h.offset !== undefined ? `@${h.offset}` : ''}`);
    expect(hits).toEqual([
      'ask:what:1',
      'noun:access:2',
      'ask:tell:2',
      'noun:password:1',
      'stem:political:1',
      'noun:密码是什么:1@0',
      'noun:비밀번호를:1@0',
    ]);
  });

  it('does not match part of a word in spaced scripts', () => {
    const lex = new Lexicon<'k'>().add('k', ['key', 'pin']);
    expect(lex.scan(tokenized('The keyboard and the spinning wheel'))).toEqual([]);
  });
});

describe('Lexicon: phrases ending in a stem', () => {
  it('matches the last token of a phrase by its prefix', () => {
    const lex = new Lexicon<'x'>().add('x', ['home addr*', 'plain']);
    expect(lex.scan(tokenized('what is her home address?')).map((h) => [h.token, h.len])).toEqual([[3, 2]]);
    expect(lex.scan(tokenized('home phone'))).toEqual([]);
    expect(lex.scan(tokenized('plain text')).map((h) => h.token)).toEqual([0]);
  });
});
