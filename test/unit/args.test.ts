import { describe, it, expect } from 'vitest';
import { parseCli, type CliCommand } from '../../mock-server/args.js';
import { DEFAULT_CONFIG, type MockConfig } from '../../src/config.js';

function config(argv: string[], env: Record<string, string | undefined> = {}): MockConfig {
  const command = parseCli(argv, env);
  if (command.kind !== 'run') throw new Error(`expected a run command, got ${JSON.stringify(command)}`);
  return command.config;
}

function errorOf(argv: string[], env: Record<string, string | undefined> = {}): string {
  const command = parseCli(argv, env);
  if (command.kind !== 'error') throw new Error(`expected an error, got ${JSON.stringify(command)}`);
  return command.message;
}

describe('parseCli: run mode', () => {
  it('uses the defaults when given nothing', () => {
    expect(parseCli([], {})).toEqual({ kind: 'run', config: DEFAULT_CONFIG });
  });

  it.each<[string[], Partial<MockConfig>]>([
    [['--port', '0'], { port: 0 }],
    [['--port=65535'], { port: 65535 }],
    [['--host', '0.0.0.0'], { host: '0.0.0.0' }],
    [['--access-key', 'k1'], { accessKeys: ['k1'] }],
    [['--seed=-42'], { seed: -42 }],
    [['--max-messages', '1'], { maxMessages: 1 }],
    [['--log-format', 'json'], { logFormat: 'json' }],
    [['--strict'], { strict: true }],
    [['--webhook-url', 'https://example.test/hook?a=1,2'], { webhookUrls: ['https://example.test/hook?a=1,2'] }],
    [['--webhook-events', 'conversation.created'], { webhookEvents: ['conversation.created'] }],
    [['--signing-key', 'secret'], { signingKey: 'secret' }],
    [['--signature-url', 'without-port'], { signatureUrl: 'without-port' }],
    [['--no-auto-reply'], { autoReply: false }],
    [['--reply-delay', '0'], { replyDelayMs: 0 }],
    [['--status-updates', 'delivered'], { statusUpdates: 'delivered' }],
    [['--status-delay', '50'], { statusDelayMs: 50 }],
    [['--webhook-timeout', '1'], { webhookTimeoutMs: 1 }],
    [['--webhook-retries', '0'], { webhookRetries: 0 }],
    [['--webhook-retry-delay', '10'], { webhookRetryDelayMs: 10 }],
    [['--channel-number', '+441234567890'], { channelNumber: '+441234567890' }],
    [['--script', 'fixtures/scripts/shop.yaml'], { script: 'fixtures/scripts/shop.yaml' }],
  ])('%j sets %j', (argv, expected) => {
    expect(config(argv)).toEqual({ ...DEFAULT_CONFIG, ...expected });
  });

  it.each<[Record<string, string>, Partial<MockConfig>]>([
    [{ PORT: '5000' }, { port: 5000 }],
    [{ HOST: '::1' }, { host: '::1' }],
    [{ ACCESS_KEY: 'a, b' }, { accessKeys: ['a', 'b'] }],
    [{ SEED: '7' }, { seed: 7 }],
    [{ MAX_MESSAGES: '20' }, { maxMessages: 20 }],
    [{ LOG_FORMAT: 'json' }, { logFormat: 'json' }],
    [{ STRICT: '1' }, { strict: true }],
    [{ STRICT: 'true' }, { strict: true }],
    [{ STRICT: 'false' }, { strict: false }],
    [{ WEBHOOK_URL: 'http://a.test/x,https://b.test/y' }, { webhookUrls: ['http://a.test/x', 'https://b.test/y'] }],
    [{ WEBHOOK_EVENTS: 'message.created,conversation.updated,' }, { webhookEvents: ['message.created', 'conversation.updated'] }],
    [{ SIGNING_KEY: 'k' }, { signingKey: 'k' }],
    [{ SIGNATURE_URL: 'exact' }, { signatureUrl: 'exact' }],
    [{ AUTO_REPLY: 'false' }, { autoReply: false }],
    [{ AUTO_REPLY: '0' }, { autoReply: false }],
    [{ AUTO_REPLY: '1' }, { autoReply: true }],
    [{ REPLY_DELAY: '5' }, { replyDelayMs: 5 }],
    [{ STATUS_UPDATES: 'none' }, { statusUpdates: 'none' }],
    [{ STATUS_DELAY: '0' }, { statusDelayMs: 0 }],
    [{ WEBHOOK_TIMEOUT: '100' }, { webhookTimeoutMs: 100 }],
    [{ WEBHOOK_RETRIES: '2' }, { webhookRetries: 2 }],
    [{ WEBHOOK_RETRY_DELAY: '3' }, { webhookRetryDelayMs: 3 }],
    [{ CHANNEL_NUMBER: '+1555' }, { channelNumber: '+1555' }],
    [{ SCRIPT: 'a.json' }, { script: 'a.json' }],
  ])('env %j sets %j', (env, expected) => {
    expect(config([], env)).toEqual({ ...DEFAULT_CONFIG, ...expected });
  });

  it('treats blank variables as unset', () => {
    expect(config([], { PORT: '', ACCESS_KEY: ' ', STRICT: undefined })).toEqual(DEFAULT_CONFIG);
  });

  it('lets a flag beat its variable', () => {
    const env = { PORT: '5000', ACCESS_KEY: 'env-key', STATUS_UPDATES: 'sent', WEBHOOK_EVENTS: 'conversation.created' };
    expect(config(['--port', '6000', '--access-key', 'flag-key', '--status-updates', 'read', '--webhook-events', 'message.updated'], env))
      .toMatchObject({ port: 6000, accessKeys: ['flag-key'], statusUpdates: 'read', webhookEvents: ['message.updated'] });
  });

  it('does not check a variable its flag overrides', () => {
    expect(config(['--port', '1'], { PORT: 'not-a-number' }).port).toBe(1);
  });

  it('collects repeated flags', () => {
    const parsed = config(['--access-key', 'a', '--access-key', 'b', '--webhook-url', 'http://x.test', '--webhook-url', 'http://y.test']);
    expect(parsed.accessKeys).toEqual(['a', 'b']);
    expect(parsed.webhookUrls).toEqual(['http://x.test', 'http://y.test']);
  });

  it('splits --webhook-events on commas', () => {
    expect(config(['--webhook-events', 'message.created, message.updated']).webhookEvents).toEqual([
      'message.created',
      'message.updated',
    ]);
  });
});

describe('parseCli: invalid values', () => {
  it.each<[string[], string]>([
    [['--port', 'abc'], '--port "abc" is not valid: expected an integer from 0 to 65535'],
    [['--port', '65536'], '--port "65536" is not valid: expected an integer from 0 to 65535'],
    [['--port', '1.5'], '--port "1.5" is not valid: expected an integer from 0 to 65535'],
    [['--seed', 'x'], '--seed "x" is not valid: expected an integer'],
    [['--max-messages', '0'], '--max-messages "0" is not valid: expected an integer of at least 1'],
    [['--log-format', 'xml'], '--log-format "xml" is not valid: expected one of pretty, json'],
    [['--webhook-url', '/hook'], '--webhook-url "/hook" is not valid: expected an absolute http:// or https:// URL'],
    [['--webhook-url', 'ftp://x.test'], '--webhook-url "ftp://x.test" is not valid: expected an absolute http:// or https:// URL'],
    [
      ['--webhook-events', 'message.created,message.deleted'],
      '--webhook-events "message.deleted" is not valid: expected one of message.created, message.updated, conversation.created, conversation.updated',
    ],
    [['--signature-url', 'path'], '--signature-url "path" is not valid: expected one of exact, without-port'],
    [['--reply-delay=-1'], '--reply-delay "-1" is not valid: expected a whole number of milliseconds, at least 0'],
    [['--status-updates', 'seen'], '--status-updates "seen" is not valid: expected one of none, sent, delivered, read'],
    [['--status-delay', '1s'], '--status-delay "1s" is not valid: expected a whole number of milliseconds, at least 0'],
    [['--webhook-timeout', '0'], '--webhook-timeout "0" is not valid: expected a whole number of milliseconds, at least 1'],
    [['--webhook-retries', 'many'], '--webhook-retries "many" is not valid: expected an integer of at least 0'],
    [['--webhook-retry-delay', 'x'], '--webhook-retry-delay "x" is not valid: expected a whole number of milliseconds, at least 0'],
    [['--channel-number', '31970102030'], '--channel-number "31970102030" is not valid: expected "+" and up to 15 digits'],
    [['--host', ''], '--host "" is not valid: expected a non-empty value'],
    [['--access-key', ''], '--access-key "" is not valid: expected a non-empty value'],
  ])('%j → %s', (argv, message) => {
    expect(errorOf(argv)).toContain(message);
  });

  it.each<[Record<string, string>, string]>([
    [{ PORT: 'abc' }, 'PORT "abc" is not valid: expected an integer from 0 to 65535'],
    [{ STRICT: 'yes' }, 'STRICT "yes" is not valid: expected 1, true, 0 or false'],
    [{ AUTO_REPLY: 'off' }, 'AUTO_REPLY "off" is not valid: expected 1, true, 0 or false'],
    [{ WEBHOOK_URL: 'http://ok.test,nope' }, 'WEBHOOK_URL "nope" is not valid: expected an absolute http:// or https:// URL'],
    [{ LOG_FORMAT: 'text' }, 'LOG_FORMAT "text" is not valid: expected one of pretty, json'],
  ])('env %j → %s', (env, message) => {
    expect(errorOf([], env)).toBe(message);
  });

  it('names an unknown flag and lists the valid ones', () => {
    const message = errorOf(['--bogus']);
    expect(message).toMatch(/^unknown flag --bogus; valid flags: /);
    expect(message).toContain('--port');
    expect(message).toContain('--help');
  });

  it('names a flag that is missing its value', () => {
    expect(errorOf(['--port'])).toContain('--port');
  });

  it('names a switch given a value', () => {
    expect(errorOf(['--strict=yes'])).toContain('--strict');
  });

  it('rejects positional arguments and points to the reply sub-command', () => {
    expect(errorOf(['serve'])).toMatch(/^unexpected argument "serve": .*conversations-mock reply <messageId>/);
  });
});

describe('parseCli: help', () => {
  const help = (argv: string[]): string => {
    const command = parseCli(argv, {});
    if (command.kind !== 'help') throw new Error(`expected help, got ${JSON.stringify(command)}`);
    return command.text;
  };

  it('answers --help and -h, even with other flags', () => {
    expect(help(['-h'])).toBe(help(['--help']));
    expect(help(['--port', '1', '--help'])).toBe(help(['--help']));
  });

  it('lists every flag with its variable, in groups, and the reply sub-command', () => {
    const text = help(['--help']);
    for (const [flag, env] of [['--port', 'PORT'], ['--webhook-retry-delay', 'WEBHOOK_RETRY_DELAY'], ['--no-auto-reply', 'AUTO_REPLY']]) {
      expect(text).toMatch(new RegExp(`${flag}.*${env}`));
    }
    for (const group of ['Server', 'API', 'Webhooks', 'Replies']) expect(text).toMatch(new RegExp(`^${group}`, 'm'));
    expect(text).toContain('Default: 4010.');
    expect(text).toContain('conversations-mock reply <messageId>');
  });

  it('fits in 100 columns', () => {
    for (const line of help(['--help']).split('\n')) expect(line.length).toBeLessThanOrEqual(100);
  });

  it('answers reply --help with the sub-command help', () => {
    expect(help(['reply', '--help'])).toMatch(/^Reply: /);
  });
});

describe('parseCli: reply sub-command', () => {
  const url = 'http://127.0.0.1:4010';
  it.each<[string[], Record<string, string>, CliCommand]>([
    [['reply', 'abc'], {}, { kind: 'reply', messageId: 'abc', url }],
    [['reply', 'abc', 'yes-unique-id'], {}, { kind: 'reply', messageId: 'abc', choice: 'yes-unique-id', url }],
    [['reply', 'abc', '--index', '1'], {}, { kind: 'reply', messageId: 'abc', index: 1, url }],
    [['reply', 'abc', '--text', 'maybe later'], {}, { kind: 'reply', messageId: 'abc', text: 'maybe later', url }],
    [['reply', 'abc', '--url', 'http://localhost:9000/'], {}, { kind: 'reply', messageId: 'abc', url: 'http://localhost:9000' }],
    [['reply', 'abc'], { CONVERSATIONS_MOCK_URL: 'http://mock.test:1' }, { kind: 'reply', messageId: 'abc', url: 'http://mock.test:1' }],
    [
      ['reply', 'abc', '--url', 'http://flag.test'],
      { CONVERSATIONS_MOCK_URL: 'http://env.test' },
      { kind: 'reply', messageId: 'abc', url: 'http://flag.test' },
    ],
  ])('%j with env %j', (argv, env, expected) => {
    expect(parseCli(argv, env)).toEqual(expected);
  });

  it.each<[string[], Record<string, string>, string]>([
    [['reply'], {}, 'reply needs the id of the message to answer'],
    [['reply', 'a', 'b', 'c'], {}, 'reply takes at most <messageId> [choice], but also got "c"'],
    [['reply', 'a', 'yes', '--index', '0'], {}, 'reply takes one answer'],
    [['reply', 'a', '--index', '0', '--text', 'hi'], {}, 'reply takes one answer'],
    [['reply', 'a', '--index', '-1'], {}, '--index'],
    [['reply', 'a', '--index', 'two'], {}, '--index "two" is not valid: expected an integer of at least 0'],
    [['reply', 'a', '--text', ' '], {}, '--text " " is not valid'],
    [['reply', 'a', '--url', 'localhost:4010'], {}, '--url "localhost:4010" is not valid: expected an absolute http:// or https:// URL'],
    [['reply', 'a'], { CONVERSATIONS_MOCK_URL: 'nope' }, 'CONVERSATIONS_MOCK_URL "nope" is not valid'],
    [['reply', 'a', '--port', '1'], {}, 'unknown flag --port for reply; valid flags: --index, --text, --url, --help'],
  ])('%j with env %j → %s', (argv, env, message) => {
    expect(errorOf(argv, env)).toContain(message);
  });
});
