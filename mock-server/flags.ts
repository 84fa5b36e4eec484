import { WEBHOOK_EVENTS, type MockConfig } from '../src/config.js';

/** Every CLI flag: its config key, environment variable, value check and help text. */
/** A parser returns the value, or what would have been accepted (it finishes "expected ..."). */
type ValueParser<T> = (raw: string) => { value: T } | { expected: string };

const integer =
  ({ min, max }: { min?: number; max?: number } = {}): ValueParser<number> =>
  (raw) => {
    const n = /^\s*-?\d+\s*$/.test(raw) ? Number(raw) : NaN;
    if (Number.isSafeInteger(n) && n >= (min ?? -Infinity) && n <= (max ?? Infinity)) return { value: n };
    if (min !== undefined && max !== undefined) return { expected: `an integer from ${min} to ${max}` };
    return { expected: min !== undefined ? `an integer of at least ${min}` : 'an integer' };
  };

const milliseconds =
  (min: number): ValueParser<number> =>
  (raw) => {
    const parsed = integer({ min })(raw);
    return 'value' in parsed ? parsed : { expected: `a whole number of milliseconds, at least ${min}` };
  };

const oneOf =
  <T extends string>(allowed: readonly T[]): ValueParser<T> =>
  (raw) =>
    (allowed as readonly string[]).includes(raw) ? { value: raw as T } : { expected: `one of ${allowed.join(', ')}` };

const nonEmpty: ValueParser<string> = (raw) => (raw.trim() ? { value: raw } : { expected: 'a non-empty value' });

const httpUrl: ValueParser<string> = (raw) =>
  URL.canParse(raw) && ['http:', 'https:'].includes(new URL(raw).protocol)
    ? { value: raw }
    : { expected: 'an absolute http:// or https:// URL' };

const phoneNumber: ValueParser<string> = (raw) =>
  /^\+\d{1,15}$/.test(raw) ? { value: raw } : { expected: '"+" and up to 15 digits, e.g. +31970102030' };

const BOOLEAN_WORDS: Record<string, boolean> = { '1': true, true: true, '0': false, false: false };
export const booleanEnv: ValueParser<boolean> = (raw) => {
  const value = BOOLEAN_WORDS[raw.trim().toLowerCase()];
  return value === undefined ? { expected: '1, true, 0 or false' } : { value };
};

export type FlagGroup = 'server' | 'api' | 'webhooks' | 'replies';
type ListKey = 'accessKeys' | 'webhookUrls' | 'webhookEvents';

interface FlagMeta {
  name: string;
  env: string;
  group: FlagGroup;
  /** Placeholder shown in --help; switches have none. */
  arg?: string;
}

/** `repeatable`: the flag may be given again and the variable holds a comma list; `comma-list`: both hold one. */
export type FlagSpec = FlagMeta & { help: string } & (
    | { shape: 'single' | 'repeatable' | 'comma-list'; key: keyof MockConfig; parse: ValueParser<unknown> }
    | { shape: 'switch'; key: 'strict' | 'autoReply'; whenSet: boolean }
  );

// The builders tie each config key to a parser of its own type; the table below loses that link.
const single = <K extends keyof MockConfig>(key: K, parse: ValueParser<MockConfig[K]>, meta: FlagMeta, help: string) =>
  ({ ...meta, help, shape: 'single', key, parse }) as const;
const list = <K extends ListKey>(key: K, parse: ValueParser<MockConfig[K][number]>, meta: FlagMeta, help: string) =>
  ({ ...meta, help, shape: key === 'webhookEvents' ? 'comma-list' : 'repeatable', key, parse }) as const;
const toggle = (key: 'strict' | 'autoReply', whenSet: boolean, meta: FlagMeta, help: string) =>
  ({ ...meta, help, shape: 'switch', key, whenSet }) as const;

export const FLAGS: readonly FlagSpec[] = [
  single('port', integer({ min: 0, max: 65535 }), { name: 'port', env: 'PORT', group: 'server', arg: '<n>' },
    'Port to listen on; 0 picks any free port.'),
  single('host', nonEmpty, { name: 'host', env: 'HOST', group: 'server', arg: '<host>' },
    'Interface to listen on.'),
  single('logFormat', oneOf(['pretty', 'json'] as const), { name: 'log-format', env: 'LOG_FORMAT', group: 'server', arg: '<fmt>' },
    'pretty (text) or json.'),
  single('maxMessages', integer({ min: 1 }), { name: 'max-messages', env: 'MAX_MESSAGES', group: 'server', arg: '<n>' },
    'Keep only the newest n messages (and as many conversations).'),
  single('seed', integer(), { name: 'seed', env: 'SEED', group: 'server', arg: '<n>' },
    'Makes ids, contact names and random replies repeat across runs; random without it.'),
  list('accessKeys', nonEmpty, { name: 'access-key', env: 'ACCESS_KEY', group: 'api', arg: '<key>' },
    'An accepted access key (repeatable); without one, any non-empty key is accepted.'),
  toggle('strict', true, { name: 'strict', env: 'STRICT', group: 'api' },
    'Unknown or empty fields and tolerated spellings become 422s instead of warnings.'),
  single('channelNumber', phoneNumber, { name: 'channel-number', env: 'CHANNEL_NUMBER', group: 'api', arg: '<+n>' },
    'The business number the simulated user writes to.'),
  list('webhookUrls', httpUrl, { name: 'webhook-url', env: 'WEBHOOK_URL', group: 'webhooks', arg: '<url>' },
    'Where to POST webhook events (repeatable).'),
  list('webhookEvents', oneOf(WEBHOOK_EVENTS), { name: 'webhook-events', env: 'WEBHOOK_EVENTS', group: 'webhooks', arg: '<list>' },
    `Comma list of events to send, from: ${WEBHOOK_EVENTS.join(', ')}.`),
  single('signingKey', nonEmpty, { name: 'signing-key', env: 'SIGNING_KEY', group: 'webhooks', arg: '<key>' },
    'Sign webhooks with this key (MessageBird-Signature-JWT); unsigned without it.'),
  single('signatureUrl', oneOf(['exact', 'without-port'] as const), { name: 'signature-url', env: 'SIGNATURE_URL', group: 'webhooks', arg: '<mode>' },
    'The URL the signature covers: exact, or without-port (for receivers behind a proxy).'),
  single('webhookTimeoutMs', milliseconds(1), { name: 'webhook-timeout', env: 'WEBHOOK_TIMEOUT', group: 'webhooks', arg: '<ms>' },
    'Give up on one delivery attempt after this long.'),
  single('webhookRetries', integer({ min: 0 }), { name: 'webhook-retries', env: 'WEBHOOK_RETRIES', group: 'webhooks', arg: '<n>' },
    'Retries after a failed delivery.'),
  single('webhookRetryDelayMs', milliseconds(0), { name: 'webhook-retry-delay', env: 'WEBHOOK_RETRY_DELAY', group: 'webhooks', arg: '<ms>' },
    'Wait before the first retry.'),
  toggle('autoReply', false, { name: 'no-auto-reply', env: 'AUTO_REPLY', group: 'replies' },
    'The simulated user stays silent until told to reply (also AUTO_REPLY=false).'),
  single('replyDelayMs', milliseconds(0), { name: 'reply-delay', env: 'REPLY_DELAY', group: 'replies', arg: '<ms>' },
    'Wait before the simulated user answers.'),
  single('statusUpdates', oneOf(['none', 'sent', 'delivered', 'read'] as const), { name: 'status-updates', env: 'STATUS_UPDATES', group: 'replies', arg: '<status>' },
    'The last status a sent message reaches: none, sent, delivered, read.'),
  single('statusDelayMs', milliseconds(0), { name: 'status-delay', env: 'STATUS_DELAY', group: 'replies', arg: '<ms>' },
    'Wait between two status updates.'),
  single('script', nonEmpty, { name: 'script', env: 'SCRIPT', group: 'replies', arg: '<path>' },
    'A YAML or JSON conversation script that decides the replies.'),
];
