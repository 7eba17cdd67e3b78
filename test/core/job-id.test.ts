import { MAX_JOB_ID_LENGTH, checkJobId } from '../../src/core/job-id';

describe('checkJobId', () => {
  test.each<[string, string]>([
    ['plain letters and digits', 'AbC123xyz'],
    ['number as text', '123456789'],
    ['unicode letters (Latin)', 'Jöb123'],
    ['unicode letters (CJK)', '作業42'],
    ['dashes, underscores, dots inside', 'job_1-2.3'],
    ['three dots (not a dot-segment)', '...'],
    ['a plus sign', 'a+b'],
    ['a colon and an ampersand', 'a:b&c'],
    ['a 256-character ID', 'x'.repeat(256)],
  ])('accepts %s', (_name, text) => {
    expect(checkJobId(text)).toEqual({ kind: 'valid', jobId: text });
  });

  test.each<[string, string, string]>([
    ['leading and trailing spaces', '  abc123  ', 'abc123'],
    ['a trailing newline and a leading tab', '\tabc123\n', 'abc123'],
    ['non-breaking spaces around', '\u00a0abc123\u00a0', 'abc123'],
    ['CRLF after the ID', 'abc123\r\n', 'abc123'],
  ])('trims %s, then accepts', (_name, text, jobId) => {
    expect(checkJobId(text)).toEqual({ kind: 'valid', jobId });
  });

  test.each<[string, string]>([
    ['a slash', 'abc/def'],
    ['a leading slash', '/abc'],
    ['a backslash', 'abc\\def'],
    ['a dot-dot', '..'],
    ['a single dot', '.'],
    ['a dot-dot with spaces around', ' .. '],
    ['an encoded slash', 'abc%2Fdef'],
    ['a bare percent sign', '100%'],
    ['a question mark', 'abc?x=1'],
    ['a hash', 'abc#frag'],
    ['a space inside', 'abc def'],
    ['a tab inside', 'abc\tdef'],
    ['a newline inside', 'abc\ndef'],
    ['a carriage return inside', 'abc\rdef'],
    ['a no-break space inside', 'abc\u00a0def'],
    ['an ideographic space inside', 'abc\u3000def'],
    ['a NUL character', 'abc\u0000def'],
    ['a BEL character', 'abc\u0007def'],
    ['a DEL character', 'abc\u007fdef'],
    ['a C1 control (NEL) at the start', '\u0085abc'],
    ['a zero-width space', 'abc\u200bdef'],
    ['a leading zero-width space', '\u200babcdef'],
    ['a zero-width non-joiner', 'abc\u200cdef'],
    ['a zero-width joiner', 'abc\u200ddef'],
    ['a word joiner', 'abc\u2060def'],
    ['a BOM inside', 'abc\ufeffdef'],
    ['a soft hyphen', 'abc\u00addef'],
    ['a left-to-right mark', 'abc\u200edef'],
    ['a right-to-left mark', 'abc\u200fdef'],
    ['a right-to-left override', '\u202eabc'],
    ['a left-to-right embedding', 'abc\u202adef'],
    ['a pop directional formatting', 'abc\u202cdef'],
    ['a right-to-left isolate', 'abc\u2067def'],
    ['a pop directional isolate', 'abc\u2069def'],
    ['an Arabic letter mark', 'abc\u061cdef'],
    ['a line separator', 'abc\u2028def'],
    ['a paragraph separator', 'abc\u2029def'],
    ['a 257-character string', 'x'.repeat(257)],
    ['a 300-character string', 'y'.repeat(300)],
    ['the error value #N/A', '#N/A'],
    ['the error value #REF!', '#REF!'],
    ['the error value #VALUE!', '#VALUE!'],
    ['the error value #DIV/0!', '#DIV/0!'],
    ['the error value #NAME?', '#NAME?'],
  ])('refuses %s', (_name, text) => {
    expect(checkJobId(text)).toEqual({ kind: 'invalid', text: text.trim() });
  });

  test.each<[string, string]>([
    ['empty', ''],
    ['spaces only', '   '],
    ['tabs and newlines only', '\t\n\r\n'],
  ])('reports %s as blank', (_name, text) => {
    expect(checkJobId(text)).toEqual({ kind: 'blank' });
  });

  test('the length limit is 256 characters, counted after trimming', () => {
    expect(MAX_JOB_ID_LENGTH).toBe(256);
    expect(checkJobId(` ${'a'.repeat(256)} `)).toEqual({ kind: 'valid', jobId: 'a'.repeat(256) });
    expect(checkJobId('a'.repeat(257)).kind).toBe('invalid');
  });

  test('an invalid cell keeps its trimmed text for the report', () => {
    expect(checkJobId('  abc def  ')).toEqual({ kind: 'invalid', text: 'abc def' });
  });

  // A valid job ID goes through encodeURIComponent into the request URL; a lone surrogate makes it throw
  // (URIError), which would take the whole chunk down instead of reporting one cell.
  test.each<[string, string]>([['a lone high surrogate', 'abc\ud800def']])(
    'refuses %s (encodeURIComponent cannot encode it)',
    (_name, text) => {
      expect(checkJobId(text).kind).toBe('invalid');
    },
  );

  test('a valid surrogate pair (emoji) is encodable', () => {
    const check = checkJobId('job😀1');
    expect(check).toEqual({ kind: 'valid', jobId: 'job😀1' });
  });
});
