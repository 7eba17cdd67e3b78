// `npm run test:properties -- [--seed N] [--path P] [--runs N] [--dims ci|all|none[,+name,-name...]]`: the
// generated runs of test/properties, with fast-check's options passed on as FC_* variables (see
// test/properties/generated-runs.test.ts). Other arguments go to Jest. Ends with run-tests.js's "N passed, N failed".
const { spawn } = require('node:child_process');
const path = require('node:path');

const OPTIONS = { '--seed': 'FC_SEED', '--path': 'FC_PATH', '--runs': 'FC_RUNS', '--dims': 'FC_DIMS' };
const env = { ...process.env };
const rest = [];
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const [name, inline] = args[i].split(/=(.*)/s);
  if (!(name in OPTIONS)) {
    rest.push(args[i]);
    continue;
  }
  const value = inline ?? args[++i];
  if (value === undefined || value === '') {
    console.error(`${name} needs a value`);
    process.exit(2);
  }
  env[OPTIONS[name]] = value;
}

const child = spawn(
  process.execPath,
  [path.join(__dirname, 'run-tests.js'), 'test/properties/generated-runs.test.ts', ...rest],
  { stdio: 'inherit', env },
);
child.once('close', (status, signal) => process.exit(signal ? 1 : (status ?? 1)));
