import { describe, it, expect, afterEach } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { seedButton } from '../helpers/seed.js';

// Runs the built bin, as users get it: `npm test` builds dist/ first.
const BIN = fileURLToPath(new URL('../../dist/conversations-mock.js', import.meta.url));
const READY_LINE = /^conversations-mock listening on (http:\/\/\S+)$/m;

const BUTTON_MESSAGE = seedButton;

interface Running {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

const children: ChildProcess[] = [];

function start(args: string[]): Running {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`npm run build\` first`);
  // Only PATH from the outside: a PORT or ACCESS_KEY in the developer's shell must not change the test.
  const child = spawn(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH ?? '' } });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

function readyUrl(running: Running): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = READY_LINE.exec(running.stdout());
      if (match?.[1]) resolve(match[1]);
    };
    running.child.stdout?.on('data', check);
    check();
    void running.exited.then((code) =>
      reject(new Error(`exited with ${code} before it was ready; stderr: ${running.stderr()}`)),
    );
  });
}

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

describe('conversations-mock bin', () => {
  it('listens on a free port, accepts the seed button message, and stops cleanly on SIGTERM', async () => {
    const running = start(['--port', '0']);
    const url = await readyUrl(running);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(running.stdout().match(new RegExp(READY_LINE.source, 'gm'))).toHaveLength(1);

    const response = await fetch(`${url}/v1/send`, {
      method: 'POST',
      headers: { Authorization: 'AccessKey test', 'Content-Type': 'application/json' },
      body: JSON.stringify(BUTTON_MESSAGE),
    });
    expect(response.status).toBe(202);
    const body = (await response.json()) as { id: unknown; status: unknown };
    expect(body).toMatchObject({ status: 'accepted' });
    expect(body.id).toMatch(/^[0-9a-f]{32}$/);

    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
  });

  it('exits 1 with a clear message when the port is taken', async () => {
    const first = start(['--port', '0']);
    const port = new URL(await readyUrl(first)).port;
    const second = start(['--port', port]);
    expect(await second.exited).toBe(1);
    expect(second.stderr()).toContain(`port ${port} is already in use`);
  });

  it('exits 1 and names --port when the port is not a number', async () => {
    const running = start(['--port', 'abc']);
    expect(await running.exited).toBe(1);
    expect(running.stderr()).toContain('--port "abc" is not valid');
    expect(running.stderr()).toContain('--help');
  });

  it('exits 1 on an unknown flag', async () => {
    const running = start(['--bogus']);
    expect(await running.exited).toBe(1);
    expect(running.stderr()).toContain('unknown flag --bogus');
  });

  it('prints the help and exits 0', async () => {
    const running = start(['--help']);
    expect(await running.exited).toBe(0);
    expect(running.stdout()).toContain('Usage');
  });
});
