// Which cell texts may be sent to AODocs as a job ID. Job IDs are opaque strings (the API documents no
// format), so the rule is what is safe in a URL path segment and plausible in a cell, not a strict pattern.

export const MAX_JOB_ID_LENGTH = 256;

export type JobIdCheck = { kind: 'blank' } | { kind: 'valid'; jobId: string } | { kind: 'invalid'; text: string };

// Whitespace, control and invisible formatting characters (zero-width, bidi overrides): never part of an ID,
// and a bidi override could make the row show a different ID than the one sent.
const INVISIBLE_OR_SPACE = /[\s\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Zs}]/u;
// `/ ? # \` change the URL's structure; `%` would let a cell smuggle a pre-encoded `%2F` past encoding.
const URL_STRUCTURE = /[/?#%\\]/;
// A lone surrogate is not text: encodeURIComponent throws on it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Classifies a cell's displayed text. Error values such as `#N/A` or `#REF!` contain `#` and are invalid. */
export function checkJobId(displayed: string): JobIdCheck {
  const text = displayed.trim();
  if (text === '') return { kind: 'blank' };
  if (
    text.length > MAX_JOB_ID_LENGTH ||
    text === '.' ||
    text === '..' || // survive encodeURIComponent and climb the path: /job/v1/../cancel
    INVISIBLE_OR_SPACE.test(text) ||
    URL_STRUCTURE.test(text) ||
    LONE_SURROGATE.test(text)
  ) {
    return { kind: 'invalid', text };
  }
  return { kind: 'valid', jobId: text };
}
