// Baseline for throughput and latency: the least a Hono app on @hono/node-server can do for
// POST /v1/send. Plain JS so the bench compares against something that needs no build.
// Usage: node bench/bare-hono.mjs --port 0   (other flags are ignored, so it can stand in for the mock)
import { randomUUID } from 'node:crypto';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { parsePort } from './bare-args.mjs';

const app = new Hono();

app.post('/v1/send', async (c) => {
  await c.req.json();
  return c.json({ id: randomUUID().replaceAll('-', ''), status: 'accepted' }, 202);
});

const server = serve({ fetch: app.fetch, port: parsePort(process.argv.slice(2)), hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`conversations-mock listening on http://${info.address}:${info.port}\n`);
});

const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
