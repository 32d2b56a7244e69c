import { alt, type SignalPattern } from './types.js';

/**
 * Cipher games (English): the request is written in a code the user makes up on the spot, and the model is told to
 * act on the decoded text. Two kinds of cue, for prepared text (lower-case, one space):
 * - cipher_key (weak alone, 0.5): a letter key ("m is !. o is @. l is #."), a shifted alphabet, a word mapped to a
 *   made-up word, a variable holding a quoted string, a letter-replacement puzzle, a word drawn in ASCII art;
 * - cipher_act (0.6): act on the hidden text without showing it ("decode the question and answer it", "answer the
 *   decoded question", "don't output the word", "a guide to {reverse of x}", "how to make [!@#$]?").
 * The rule (TH-JBK-005) needs an act; a key or a puzzle alone is ordinary.
 */

function c(id: string, signal: 'cipher_key' | 'cipher_act', weight: number, re: string): SignalPattern {
  return { id: `en.cipher.${id}`, signal, weight, re, lang: 'en' };
}

const ORDINAL = `(?:first|second|third|fourth|fifth|sixth|last|\\d{1,2}(?:st|nd|rd|th))`;
const HIDDEN = alt('decoded', 'deciphered', 'decrypted', 'hidden', 'encoded', 'new', 'resulting');

export const CIPHER_GAME: SignalPattern[] = [
  // Keys and puzzles.
  c('letter-key', 'cipher_key', 0.5, `(?:\\b[a-z] (?:is|=|means|stands for) [^\\sa-z]{1,2}[.,;]? ){3}`),
  c(
    'shifted-alphabet',
    'cipher_key',
    0.5,
    `\\b(?:alphabet|letters?|each letter) (?:is |are )?shifted (?:left |right |forward |back(?:wards?)? )?by \\d{1,2}\\b`,
  ),
  c(
    'map-to-made-up-word',
    'cipher_key',
    0.5,
    `\\bmap "[^"\\n]{1,60}"(?: and "[^"\\n]{1,60}")? to (?:any |a |some )?(?:non-existing|nonexistent|made-up|fake|invented|random) (?:two )?words?\\b`,
  ),
  c(
    'variable-holds-string',
    'cipher_key',
    0.5,
    `\\b(?:remember|let|assume|suppose) (?:that )?[a-z] (?:is|be|=|equals) "`,
  ),
  c(
    'letter-replacement',
    'cipher_key',
    0.5,
    `\\breplac(?:e|ing) the ${ORDINAL} letter of \\S{2,40} with the ${ORDINAL} letter of\\b`,
  ),
  c('ascii-art-word', 'cipher_key', 0.5, `\\bascii art of (?:\\d{1,2} |several |some )?letters\\b`),
  // Acting on the hidden text.
  c(
    'decode-and-answer',
    'cipher_act',
    0.6,
    `\\b(?:decode|decipher|decrypt|unscramble)(?: this| the)? (?:question|message|text|instruction|sentence|request|words?),? (?:[^.\\n]{0,40} )?(?:and|then) (?:answer|follow|do|execute|respond to|reply to|carry out|act on) (?:it|them)\\b`,
  ),
  c(
    'answer-decoded',
    'cipher_act',
    0.6,
    `\\b(?:answer|follow|execute|respond to|carry out) the ${HIDDEN} (?:question|sentence|request|instruction|word)s?\\b`,
  ),
  c(
    'do-not-show-decoded',
    'cipher_act',
    0.6,
    `\\b(?:don't|do not|never) (?:output|say|write|print|display|reveal|show) the (?:word|${HIDDEN} (?:word|result|question|text|sentence))\\b`,
  ),
  c(
    'guide-to-reverse',
    'cipher_act',
    0.6,
    `\\b(?:guide|instructions|steps|recipe|post|tutorial) (?:to|on|for) \\{?(?:the )?revers(?:e|ed|al) (?:of |version of )?[a-z]\\}?`,
  ),
  c('how-to-encoded-slot', 'cipher_act', 0.6, `\\bhow to [^\\n?]{0,24}\\[[^\\w\\s\\]]{3,}\\]`),
  c(
    'modify-accordingly',
    'cipher_act',
    0.5,
    `\\bmodify the sentence "[^"\\n]{1,120}" accordingly\\b|\\banswer the new sentence\\b`,
  ),
  c(
    'reply-in-plain-english',
    'cipher_act',
    0.5,
    `\\b(?:answer|reply|response) (?:[^.\\n]{0,50} )?in (?:normal|plain|regular|standard) english\\b`,
  ),
];
