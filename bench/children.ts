/** Every server the bench spawns is registered here, so none outlives the bench: not on error, not on Ctrl-C. */
import type { ChildProcess } from 'node:child_process';

const live = new Set<ChildProcess>();

export function track(child: ChildProcess): void {
  live.add(child);
  child.once('exit', () => live.delete(child));
}

function killAll(): void {
  for (const child of live) child.kill('SIGKILL');
  live.clear();
}

let installed = false;

export function killChildrenOnExit(): void {
  if (installed) return;
  installed = true;
  // 'exit' also fires after an uncaught exception; only synchronous work is possible there.
  process.on('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      process.stderr.write(`\nbench: ${signal}, stopping servers\n`);
      killAll();
      process.exit(130);
    });
  }
}
