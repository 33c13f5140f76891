// The child's side of the kill harness (test/support/kill-child.ts): each point of the work is printed as
// `step <name>`, and the process kills itself with SIGKILL exactly there when HOLDING_TEST_KILL_AT names it.
export function reportStep(step: string): void {
  process.stdout.write(`step ${step}\n`);
  if (step === (process.env['HOLDING_TEST_KILL_AT'] ?? '')) process.kill(process.pid, 'SIGKILL');
}
