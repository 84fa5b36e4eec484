/** Every setting of a mock instance. The CLI flags and `startMock(options)` both resolve to this. */
export type StatusUpdates = 'none' | 'sent' | 'delivered' | 'read';
export type SignatureUrlMode = 'exact' | 'without-port';
export type LogFormat = 'pretty' | 'json';
export const WEBHOOK_EVENTS = [
  'message.created',
  'message.updated',
  'conversation.created',
  'conversation.updated',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

export interface MockConfig {
  port: number;
  host: string;
  /** Accepted access keys; empty means any non-empty key is accepted. */
  accessKeys: string[];
  /** Makes ids, contact names and random replies repeat across runs. */
  seed: number | undefined;
  /** The store keeps the newest N messages (and as many conversations). */
  maxMessages: number;
  logFormat: LogFormat;
  /** Extra/empty fields and tolerated spellings become 422s instead of warnings. */
  strict: boolean;
  webhookUrls: string[];
  webhookEvents: WebhookEventType[];
  signingKey: string | undefined;
  signatureUrl: SignatureUrlMode;
  autoReply: boolean;
  replyDelayMs: number;
  statusUpdates: StatusUpdates;
  statusDelayMs: number;
  webhookTimeoutMs: number;
  webhookRetries: number;
  webhookRetryDelayMs: number;
  /** The business number the simulated user writes to (the `to` of inbound messages). */
  channelNumber: string;
  /** Path of a YAML/JSON conversation script. */
  script: string | undefined;
}

export const DEFAULT_CONFIG: MockConfig = {
  port: 4010,
  host: '127.0.0.1',
  accessKeys: [],
  seed: undefined,
  maxMessages: 10_000,
  logFormat: 'pretty',
  strict: false,
  webhookUrls: [],
  webhookEvents: ['message.created', 'message.updated'],
  signingKey: undefined,
  signatureUrl: 'exact',
  autoReply: true,
  replyDelayMs: 1000,
  statusUpdates: 'read',
  statusDelayMs: 200,
  webhookTimeoutMs: 5000,
  webhookRetries: 5,
  webhookRetryDelayMs: 500,
  channelNumber: '+31970102030',
  script: undefined,
};

export function resolveConfig(partial: Partial<MockConfig> = {}): MockConfig {
  const defined = Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined));
  return { ...DEFAULT_CONFIG, ...defined };
}
