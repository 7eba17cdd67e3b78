// docs/BEHAVIOUR.md 4, "Writing results": text is marked as text (leading ') only where Sheets would otherwise
// read it as a formula (a leading = + - @, tab or carriage return), a number, a date or a boolean; other text is
// written as it is. Reading a status back ignores a leading '. Text from outside is judged for every locale
// (any digit may be part of a localised date or number); the add-on's own sentences by their known shape.
import { asLiteralText, asOwnSentence, needsTextMark, withoutTextMark } from '../../src/core/cell-text';

const MARKED: [string, string][] = [
  // Formula starts.
  ['a formula', '=HYPERLINK("http://evil.example","x")'],
  ['a leading plus', '+1234'],
  ['a leading minus', '-2+3'],
  ['a leading at sign', '@SUM(A1)'],
  ['a leading tab', '\t=1+1'],
  ['a leading tab before a word', '\tCANCELLED'],
  ['a leading carriage return', '\r=1+1'],
  ['a leading apostrophe (Sheets would take it as the mark)', "'quoted"],
  ['leading spaces then =', '   =1+1'],
  // Numbers.
  ['an integer', '1'],
  ['a decimal', '1.5'],
  ['a negative number', '-2'],
  ['an exponent', '1e5'],
  ['a grouped number', '1,000'],
  ['a currency amount', '$5'],
  ['a percentage', '50%'],
  ['a number in parentheses (accounting negative)', '(404)'],
  ['a number with leading zeros', '00123'],
  // Dates and times.
  ['an ISO date', '2024-01-05'],
  ['a fraction that Sheets reads as a date', '1/2'],
  ['a written date', '5 Jan 2024'],
  ['a time', '10:00'],
  ['a time with pm', '10:00 pm'],
  // Booleans.
  ['TRUE', 'TRUE'],
  ['false', 'false'],
  // Error literals.
  ['#N/A', '#N/A'],
  ['#REF!', '#REF!'],
  // Other locales: dates, numbers, booleans, full-width forms.
  ['a German month and year', 'Mai 2024'],
  ['a German date', '5. März 2024'],
  ['a French date', '5 janv. 2024'],
  ['a Spanish date', '5 de enero de 2024'],
  ['a Japanese date', '2024年1月5日'],
  ['full-width digits', '１２３'],
  ['a zloty amount', '5 zł'],
  ['a German TRUE', 'WAHR'],
  ['a French TRUE', 'VRAI'],
  ['a full-width equals sign', '＝SUM(A1)'],
  ['a decimal comma', '1,5'],
  ['a job ID with digits (could be anything in some locale)', 'abc123XYZ'],
  ['a long job ID with a digit', 'RwMUllP8yrBZFx9BWlN'],
];

const PLAIN: [string, string][] = [
  ['a status', 'CANCELLED'],
  ['a status with an underscore', 'IN_PROGRESS'],
  ['COMPLETED', 'COMPLETED'],
  ['FAILED', 'FAILED'],
  ['a job ID without digits', 'RwMUllPyrBZFxBWlN'],
  ['a job type', 'IMPORT_FOLDER'],
  ['the empty string', ''],
];

/** The add-on's own sentences: never marked. */
const OWN: [string, string][] = [
  ['a sentence with a code in parentheses', 'Not found (404)'],
  ['a sentence with a comma and a code', 'AODocs unavailable, try again (503)'],
  ['Cancelled', 'Cancelled'],
  ['Already completed', 'Already completed'],
  ['Cancel requested', 'Cancel requested, job still running'],
  ['Not a library administrator', 'Not a library administrator (403)'],
  ['Sign-in not accepted', 'Sign-in not accepted by AODocs (401)'],
  ['Unexpected answer', 'Unexpected answer from AODocs (HTTP 502)'],
  ['Not cancelled', 'Not cancelled: AODocs refused (400)'],
  ['Invalid job ID', 'Invalid job ID'],
  ['Several job IDs', 'Several job IDs in one row'],
  ['a refusal whose read failed', 'Not cancelled (400); status not read: AODocs unavailable, try again (no answer)'],
  ['a cancel not confirmed', 'Cancel not confirmed (412); status not read: not read in time, try again'],
  ['Status read', 'Status read'],
];

describe('needsTextMark', () => {
  test.each(MARKED)('%s (%j) needs the mark', (_name, text) => {
    expect(needsTextMark(text)).toBe(true);
  });

  test.each(PLAIN)('%s (%j) is written as it is', (_name, text) => {
    expect(needsTextMark(text)).toBe(false);
  });
});

describe('asLiteralText', () => {
  test.each(MARKED)('%s (%j) gets one leading apostrophe before the unchanged text', (_name, text) => {
    expect(asLiteralText(text)).toBe(`'${text}`);
  });

  test.each(PLAIN)('%s (%j) is unchanged', (_name, text) => {
    expect(asLiteralText(text)).toBe(text);
  });

  test('the empty string stays empty (a cleared cell, not a lone apostrophe)', () => {
    expect(asLiteralText('')).toBe('');
  });
});

describe('asOwnSentence', () => {
  test.each(OWN)('%s (%j) is unchanged', (_name, text) => {
    expect(asOwnSentence(text)).toBe(text);
  });

  test.each<[string]>([['May 5 2024'], ['Mon, 5 Jan'], ['TRUE'], ['=1+1'], ['12 jobs'], ['1/2'], ['Wahr']])(
    'a text not of its known shape (%j) is judged like text from outside',
    (text) => {
      expect(asOwnSentence(text)).toBe(`'${text}`);
    },
  );
});

describe('withoutTextMark', () => {
  test.each<[string, string]>([
    ["'CANCELLED", 'CANCELLED'],
    ['CANCELLED', 'CANCELLED'],
    ["'", ''],
    ['', ''],
    ["''quoted", "'quoted"],
    ["'2024-01-05", '2024-01-05'],
    ["it's", "it's"],
  ])('%j reads as %j', (text, read) => {
    expect(withoutTextMark(text)).toBe(read);
  });
});

describe('round trip: what is written reads back as the original text', () => {
  test.each([...MARKED, ...PLAIN])('%s (%j)', (_name, text) => {
    expect(withoutTextMark(asLiteralText(text))).toBe(text);
  });
});
