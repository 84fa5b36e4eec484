#!/usr/bin/env node
import { serve, type ServerType } from '@hono/node-server';
import type { MockConfig } from '../src/config.js';
import { bufferedStdout, createLogger } from '../src/logger.js';
import { createMock, type MockInstance } from '../src/mock.js';
import { loadPrecompiledRegistry } from '../src/validation/precompiled-registry.js';
import type { SchemaRegistry } from '../src/validation/schema-registry.js';
import { parseCli } from './args.js';
import { runReply } from './reply-command.js';

const SHUTDOWN_GRACE_MS = 2000;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function listenErrorMessage(error: NodeJS.ErrnoException, { host, port }: MockConfig): string {
  const change = 'pick another with --port or PORT';
  switch (error.code) {
    case 'EADDRINUSE':
      return `port ${port} is already in use; ${change}`;
    case 'EACCES':
      return `no permission to listen on port ${port} (ports below 1024 usually need root); ${change}`;
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return `cannot listen on host ${host}: it is not an address of this machine; set another with --host or HOST`;
    default:
      return `cannot start the server on ${host}:${port}: ${error.message}`;
  }
}

const urlHost = (host: string) => (host.includes(':') ? `[${host}]` : host);

function closeServer(server: ServerType): Promise<void> {
  return new Promise((resolve) => {
    // close() stops accepting; keep-alive connections would otherwise hold it open until they time out.
    server.close(() => resolve());
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  });
}

function run(config: MockConfig, registry: SchemaRegistry | undefined): void {
  const sink = bufferedStdout();
  const logger = createLogger(config.logFormat, sink);
  let mock: MockInstance;
  try {
    mock = createMock(config, registry ? { logger, registry } : { logger });
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }

  // A bug in one request or timer must not take the mock down under the tests that use it.
  process.on('uncaughtException', (error) => logger.error('uncaught exception', { error }));
  process.on('unhandledRejection', (reason) => logger.error('unhandled promise rejection', { error: reason }));

  const server = serve({ fetch: mock.app.fetch, port: config.port, hostname: config.host }, (address) => {
    sink.flush();
    process.stdout.write(`conversations-mock listening on http://${urlHost(config.host)}:${address.port}\n`);
  });
  server.on('error', (error: NodeJS.ErrnoException) => {
    sink.flush();
    fail(listenErrorMessage(error, config));
  });

  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info('shutting down', { signal });
    const closed = closeServer(server);
    let exitCode = 0;
    try {
      await mock.close(SHUTDOWN_GRACE_MS);
    } catch (error) {
      logger.error('shutdown failed', { error });
      exitCode = 1;
    }
    // Requests still open after the grace period are cut rather than left to hold the process.
    if ('closeAllConnections' in server) server.closeAllConnections();
    await closed;
    sink.flush();
    process.exit(exitCode);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

const command = parseCli(process.argv.slice(2), process.env);
switch (command.kind) {
  case 'help':
    process.stdout.write(`${command.text}\n`);
    break;
  case 'error':
    fail(`${command.message}\nrun with --help to see every flag and its environment variable`);
  case 'reply':
    process.exitCode = await runReply(command);
    break;
  case 'run':
    // Validators precompiled by the build start in a fraction of the time; without them (schemas
    // changed since the build) the mock compiles them itself.
    run(command.config, await loadPrecompiledRegistry());
    break;
}
