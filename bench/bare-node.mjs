// Baseline for cold start: a node:http server with no framework, so the ratio shows what
// the mock's imports and setup add on top of starting Node itself.
// Usage: node bench/bare-node.mjs --port 0   (other flags are ignored)
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { parsePort } from './bare-args.mjs';

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    if (req.method !== 'POST' || req.url !== '/v1/send') {
      res.writeHead(404).end();
      return;
    }
    JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const body = JSON.stringify({ id: randomUUID().replaceAll('-', ''), status: 'accepted' });
    res.writeHead(202, { 'content-type': 'application/json' }).end(body);
  });
});

server.listen(parsePort(process.argv.slice(2)), '127.0.0.1', () => {
  const { address, port } = server.address();
  process.stdout.write(`conversations-mock listening on http://${address}:${port}\n`);
});

const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
