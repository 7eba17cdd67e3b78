// Every npm command the README gives exists, so a newcomer following it never meets "Missing script".
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const scripts = Object.keys(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).scripts);

/** npm commands in code blocks and inline code. */
function npmCommands(markdown: string): string[] {
  const code = [...markdown.matchAll(/```[a-z]*\n([\s\S]*?)```/g), ...markdown.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]);
  return code.flatMap((text) => [...text.matchAll(/\bnpm (?:run )?([a-z][\w:-]*)/g)].map((m) => m[0]));
}

test('the README shows how to install, start, test and deploy', () => {
  const commands = npmCommands(readme);
  for (const expected of ['npm ci', 'npm start', 'npm test', 'npm run deploy', 'npm run bench']) {
    expect(commands).toContain(expected);
  }
});

// `npm ci` and `npm install` are npm's own; everything else must be a script of package.json.
const scriptCommands = [...new Set(npmCommands(readme))].filter((c) => !/^npm (ci|install)$/.test(c));

test.each(scriptCommands)('"%s" exists', (command) => {
  expect(scripts).toContain(command.replace(/^npm (run )?/, ''));
});

test('the images and pages the README links exist', () => {
  const links = [...readme.matchAll(/\]\(((?!https?:)[^)#\s]+)\)/g)].map((m) => m[1]);
  expect(links.length).toBeGreaterThan(0);
  for (const link of links) expect(fs.existsSync(path.join(root, link))).toBe(true);
});

test('the README gives the demo security codes the simulator knows', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { DEMO_SECURITY_CODES } = require('../../simulator/demo-seed') as typeof import('../../simulator/demo-seed');
  for (const code of Object.values(DEMO_SECURITY_CODES)) expect(readme).toContain(`\`${code}\``);
  expect(readme).not.toContain('three pages of 50');
  expect(readme).toContain('--domain');
});
