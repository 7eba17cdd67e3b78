// No file of the repository points at a document outside it: not at notes kept beside the project, not at a spec
// that lives elsewhere, not at an issue tracker the repository does not contain. A platform fact is cited as
// docs/SOURCES.md#<anchor> (which gives the public source), a behaviour as docs/BEHAVIOUR.md <section>.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const SOURCES = 'docs/SOURCES.md';
/** This file: it names the patterns, and its fixtures break them on purpose. */
const SELF = path.relative(root, __filename).split(path.sep).join('/');

/** Ways a text points outside the repository, each with what it points at. */
const OUTSIDE: [what: string, pattern: RegExp][] = [
  ['notes kept outside the repository', /\bresearch\b/i],
  ['a file of the notes, by name', /\bplatform-fidelity\b|\b(?:apps-script-platform|aodocs-api|anchors-gas-typescript)\.md\b/],
  ['the shared folder beside the repository', /\bshared\/(?:docs|aodocs)\b/],
  ['a spec kept outside the repository', /\b(?:PRODUCT|ARCHITECTURE)\.md\b/],
  ["a copy of AODocs' documentation pages", /\.mdx\b/],
  ['a brief given to the project', /\bproject brief\b/i],
  ['an issue tracker the repository does not contain', /\bissues? #?\d+|\bthe issue(?:'s\b| asks\b)/i],
];

/**
 * Lines known to break the rule, in files this change could not edit. Each entry must still match a line: once
 * the line is fixed, the entry fails this suite until it is removed.
 * TEMPORARY: the lead applies these after merging (issue point 4) and then removes every entry.
 */
const KNOWN: { file: string; text: string }[] = [];

interface Finding {
  file: string;
  line: number;
  text: string;
  what: string;
}

/**
 * The lines of `text` (the file `file`) that point outside the repository. In docs/SOURCES.md the "Source:" items
 * are left out: they give public addresses and the names of public files on purpose.
 */
function outsideReferences(file: string, text: string): Finding[] {
  const findings: Finding[] = [];
  let inSourceItem = false;
  text.split('\n').forEach((line, i) => {
    if (file === SOURCES) {
      if (/^\s*- \*\*Source:\*\*/.test(line)) inSourceItem = true;
      else if (/^\s*- \*\*|^#|^\s*$/.test(line)) inSourceItem = false;
      if (inSourceItem) return;
    }
    for (const [what, pattern] of OUTSIDE) {
      if (pattern.test(line)) {
        findings.push({ file, line: i + 1, text: line.trim(), what });
        break;
      }
    }
  });
  return findings;
}

/** The repository's text files as git sees them (tracked, or new and not ignored), package-lock.json left out. */
function repositoryFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  });
  return [...new Set(listed.split('\0').filter(Boolean))].filter((file) => {
    if (file === 'package-lock.json' || file === SELF) return false;
    const full = path.join(root, file);
    // node_modules is a symlink in worktrees; a file deleted but not yet staged is still listed.
    return fs.existsSync(full) && fs.lstatSync(full).isFile();
  });
}

function readText(file: string): string | undefined {
  const bytes = fs.readFileSync(path.join(root, file));
  return bytes.includes(0) ? undefined : bytes.toString('utf8');
}

const isKnown = (f: Finding) => KNOWN.some((k) => k.file === f.file && f.text.includes(k.text));

describe('the patterns', () => {
  test.each([
    ['src/core/x.ts', ' * (research notes 1.2, magesheet blog)'],
    ['emulator/x.ts', '/** Claims (Apps Script research, section 3). */'],
    ['simulator/x.ts', ' *   as 404 (research: platform-fidelity).'],
    ['src/core/x.ts', '// a Persian text (see platform-fidelity.md)'],
    ['src/core/x.ts', '// as PRODUCT.md says in 4.2'],
    ['README.md', 'The target shape is in ARCHITECTURE.md.'],
    ['src/server/x.ts', "// from ../shared/docs/research/aodocs-api.md"],
    ['simulator/x.ts', '// documents in http-status-codes-and-error-handling.mdx.'],
    ['emulator/x.ts', ' * shows (as quoted in the project brief), word for word.'],
    ['test/core/x.test.ts', '// Issue 18 point 3: the check reads the ID column.'],
    ['test/browser/x.test.ts', "describe('the grid (issue 21)', () => {"],
    ['bench/x.ts', "// The issue's targets, checked on this run."],
    ['bench/x.ts', '// and last the summary line the issue asks for.'],
    ['docs/x.md', 'See issue #12 for the figures.'],
    // Outside its Source items, docs/SOURCES.md obeys the rule like any file.
    [SOURCES, '- **Fact:** as the research notes say.'],
  ])('%s: %j points outside', (file, line) => {
    expect(outsideReferences(file, `first line\n${line}\nlast line`)).toEqual([
      expect.objectContaining({ file, line: 2, text: line.trim() }),
    ]);
  });

  test.each([
    ['src/core/x.ts', '// docs/SOURCES.md#urlfetch-timeout: the default is 360 s.'],
    ['src/core/x.ts', '// docs/BEHAVIOUR.md 2.4: answers about one job never stop a run.'],
    ['src/core/x.ts', "import { CellRef } from '../shared/api';"],
    ['emulator/x.ts', ' * in public issue threads, e.g. a Persian one'],
    ['docs/FIRST-DEPLOYMENT.md', 'open an issue in this repository: the issue of section 8 names them.'],
    ['docs/x.md', 'https://github.com/therealaleph/MasterHttpRelayVPN-RUST/issues/872'],
    ['test/x.ts', "if (spec.lock === 'brief') hold();"],
  ])('%s: %j stays inside', (file, line) => {
    expect(outsideReferences(file, line)).toEqual([]);
  });

  test("docs/SOURCES.md's Source items may name public files; the same text elsewhere may not", () => {
    const item = [
      '## aodocs-error-body',
      '',
      '- **Fact:** the status code is what counts.',
      '- **Source:** [D] https://api.aodocs.com/60-best-practices/10-http-status-codes-and-error-handling (also',
      '  `mintlify-docs/best-practices/http-status-codes-and-error-handling.mdx` in its public repository)',
      '- **Relied on by:** `src/core/aodocs-answer.ts`.',
      '- **Relied on by:** `x.mdx`.',
    ].join('\n');
    expect(outsideReferences(SOURCES, item).map((f) => f.line)).toEqual([7]);
    expect(outsideReferences('docs/OTHER.md', item).map((f) => f.line)).toEqual([5, 7]);
  });
});

describe('the repository', () => {
  const files = repositoryFiles();
  const findings = files.flatMap((file) => {
    const text = readText(file);
    return text === undefined ? [] : outsideReferences(file, text);
  });

  test('reads the files git knows, this one left out', () => {
    expect(files).toEqual(expect.arrayContaining(['README.md', SOURCES, 'src/core/aodocs-answer.ts']));
    expect(files).not.toContain('package-lock.json');
    expect(files).not.toContain(SELF);
  });

  test('no file refers to a document outside the repository', () => {
    const unknown = findings.filter((f) => !isKnown(f)).map((f) => `${f.file}:${f.line}: ${f.text} (${f.what})`);
    expect(unknown).toEqual([]);
  });

  test('every temporary allowance still matches a line (remove it once the line is fixed)', () => {
    const stale = KNOWN.filter((k) => !findings.some((f) => f.file === k.file && f.text.includes(k.text)));
    expect(stale).toEqual([]);
  });
});

describe('docs/SOURCES.md', () => {
  const sources = fs.readFileSync(path.join(root, SOURCES), 'utf8');
  const anchors = new Set([...sources.matchAll(/^## ([a-z0-9-]+)$/gm)].map((m) => m[1]));

  test('every docs/SOURCES.md#anchor cited in the repository is a section of it', () => {
    const cited = repositoryFiles().flatMap((file) => {
      const text = readText(file) ?? '';
      return [...text.matchAll(/SOURCES\.md#([a-z0-9-]+)((?:, #[a-z0-9-]+)*)/g)].flatMap((m) =>
        [m[1], ...[...m[2].matchAll(/#([a-z0-9-]+)/g)].map((n) => n[1])].map((anchor) => `${file}: #${anchor}`),
      );
    });
    expect(cited.length).toBeGreaterThan(10);
    expect(cited.filter((c) => !anchors.has(c.split('#')[1]))).toEqual([]);
  });

  test('its own links to its sections lead somewhere', () => {
    const links = [...sources.matchAll(/\]\(#([a-z0-9-]+)\)/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(10);
    expect(links.filter((l) => !anchors.has(l))).toEqual([]);
  });

  test("every file of the repository it says relies on a fact exists", () => {
    const named = [...sources.matchAll(/`((?:src|emulator|simulator|bench|test|docs|scripts|build-tools)\/[\w./-]+)`/g)];
    const paths = [...new Set(named.map((m) => m[1]).concat('appsscript.json'))];
    expect(paths.length).toBeGreaterThan(20);
    expect(paths.filter((p) => !fs.existsSync(path.join(root, p)))).toEqual([]);
  });
});
