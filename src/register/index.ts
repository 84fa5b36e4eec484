/**
 * Preload entry: `node --import conversations-mock/register app.js` (or `--require`).
 * Sends the official SDK's Conversations API calls to CONVERSATIONS_MOCK_URL.
 */
import { CONVERSATIONS_HOSTS, installConversationsRedirect, parseMockUrl } from './redirect.js';

const NAME = 'conversations-mock/register';
const HINT = "set it to the mock's URL, e.g. http://127.0.0.1:4010";
// Both --require and --import may name this file (e.g. via NODE_OPTIONS); patch once.
const INSTALLED = Symbol.for('conversations-mock.register.installed');

function mockUrlFromEnv(): URL {
  const raw = process.env.CONVERSATIONS_MOCK_URL?.trim();
  if (!raw) throw new Error(`${NAME}: CONVERSATIONS_MOCK_URL is not set; ${HINT}`);
  try {
    return parseMockUrl(raw);
  } catch (error) {
    throw new Error(`${NAME}: CONVERSATIONS_MOCK_URL=${JSON.stringify(raw)} ${(error as Error).message}; ${HINT}`);
  }
}

const state = globalThis as { [INSTALLED]?: boolean };
if (!state[INSTALLED]) {
  const mockUrl = mockUrlFromEnv();
  const debug = process.env.CONVERSATIONS_MOCK_DEBUG === '1';
  const log = (line: string) => process.stderr.write(`${NAME}: ${line}\n`);
  installConversationsRedirect({
    mockUrl,
    onRedirect: debug ? ({ method, originalHost, path, target }) => log(`${method} https://${originalHost}${path} -> ${target.origin}${path}`) : undefined,
  });
  state[INSTALLED] = true;
  if (debug) log(`sending https calls for ${CONVERSATIONS_HOSTS.join(', ')} to ${mockUrl.origin}`);
}
