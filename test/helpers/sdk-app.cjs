// An app written against the official SDK, with no knowledge of the mock: the preload alone redirects it.
// Usage: node --require <register entry> test/helpers/sdk-app.cjs <action> [arg]
// Prints one JSON line: {"error": {...} | null, "data": ...}.
'use strict';
const https = require('node:https');
const messagebird = require('messagebird').initClient(process.env.MESSAGEBIRD_ACCESS_KEY || 'test-key');

const [action, arg] = process.argv.slice(2);

function print(error, data) {
  const err = error && { message: error.message, statusCode: error.statusCode, errors: error.errors, code: error.code };
  process.stdout.write(JSON.stringify({ error: err || null, data: data === undefined ? null : data }) + '\n');
}

// Plain https.get, as any other library in the app would do it.
function httpsGet(url) {
  https
    .get(url, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => print(null, { statusCode: res.statusCode, body }));
    })
    .on('error', (e) => print(e));
}

const actions = {
  send: () => messagebird.conversations.send(JSON.parse(arg), print),
  read: () => messagebird.conversations.readMessage(arg, print),
  'webhook-create': () => messagebird.conversations.webhooks.create(JSON.parse(arg), print),
  'https-get': () => httpsGet(arg),
};

if (!actions[action]) {
  process.stderr.write(`unknown action ${action}; one of ${Object.keys(actions).join(', ')}\n`);
  process.exit(2);
}
actions[action]();
