// `npm test`: checks that this machine has what the tests need (scripts/preflight.mjs), builds the
// renderer, runs the unit and integration tests (Vitest) and the end-to-end tests through the browser
// shell (Playwright), then prints one line: "N passed, N failed, N skipped".
// HOLDING_PREFLIGHT_ONLY=1 stops after the check (test/unit/preflight.test.ts runs this script so).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { preflight, systemEnvironment } from './preflight.mjs';

// First, before anything is built or removed: one sentence for each thing missing, then stop.
const { problems: missing, skips } = preflight(systemEnvironment());
if (missing.length > 0) {
  console.error(
    `npm test needs ${missing.length === 1 ? 'one thing' : 'a few things'} this machine does not have yet:`,
  );
  for (const sentence of missing) console.error(`- ${sentence}`);
  for (const sentence of skips) console.error(`- (Optional) ${sentence}`);
  console.error(
    `\nNo tests were run. Once ${missing.length === 1 ? 'that is' : 'those are'} done, run \`npm test\` again.`,
  );
  process.exit(1);
}
for (const sentence of skips) console.log(`Note: ${sentence}`);
if (['1', 'true', 'yes'].includes((process.env.HOLDING_PREFLIGHT_ONLY ?? '').toLowerCase())) {
  console.log('Everything the tests need is here (HOLDING_PREFLIGHT_ONLY is set, so no tests were run).');
  process.exit(0);
}

const results = path.resolve('test-results');
mkdirSync(results, { recursive: true });
const vitestJson = path.join(results, 'vitest.json');
const playwrightJson = path.join(results, 'playwright.json');
rmSync(vitestJson, { force: true });
rmSync(playwrightJson, { force: true });

const bin = (name) => path.resolve('node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const run = (name, args, env = {}) =>
  spawnSync(bin(name), args, { stdio: 'inherit', env: { ...process.env, ...env } }).status;

const totals = { passed: 0, failed: 0, skipped: 0 };
const problems = [];

if (run('vite', ['build', '--config', 'vite.renderer.config.ts', '--logLevel', 'warn']) !== 0)
  problems.push('the renderer did not build');

const vitestStatus = run('vitest', ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
if (existsSync(vitestJson)) {
  const v = JSON.parse(readFileSync(vitestJson, 'utf8'));
  totals.passed += v.numPassedTests;
  totals.failed += v.numFailedTests;
  totals.skipped += v.numPendingTests + v.numTodoTests;
  if (vitestStatus !== 0 && v.numFailedTests === 0) problems.push('Vitest exited with an error outside the tests');
} else {
  problems.push('Vitest produced no results');
}

const playwrightStatus = run('playwright', ['test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson });
if (existsSync(playwrightJson)) {
  const s = JSON.parse(readFileSync(playwrightJson, 'utf8')).stats;
  totals.passed += s.expected + s.flaky;
  totals.failed += s.unexpected;
  totals.skipped += s.skipped;
  if (playwrightStatus !== 0 && s.unexpected === 0) problems.push('Playwright exited with an error outside the tests');
} else {
  problems.push('Playwright produced no results');
}

for (const problem of problems) console.error(`Problem: ${problem}.`);
const failed = totals.failed + problems.length;
console.log(`\n${totals.passed} passed, ${failed} failed, ${totals.skipped} skipped`);
process.exit(failed > 0 || totals.passed === 0 ? 1 : 0);
