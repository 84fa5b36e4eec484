import { rfc3339, type Clock } from '../clock.js';
import type { MockConfig } from '../config.js';
import { errors } from '../errors.js';
import type { IdSource } from '../ids.js';
import type {
  WebhookCreateRequest,
  WebhookEventType,
  WebhookSubscription,
  WebhookUpdateRequest,
} from '../types/generated.js';

export interface SubscriptionsDeps {
  config: Pick<MockConfig, 'webhookUrls' | 'webhookEvents'>;
  ids: IdSource;
  clock: Clock;
}

/** Where and how one subscription's deliveries go, with its settings resolved against the global ones. */
export interface DeliveryTarget {
  subscriptionId: string;
  /** The URL POSTed to (and signed): the subscription's URL plus `settings.query_params`. */
  url: string;
  headers: Record<string, string>;
  maxRetries: number;
  timeoutMs: number;
  /** `settings.expected_http_code`, e.g. "200" or "2xx". */
  expectedStatus: string | undefined;
}

export function deliveryTarget(
  subscription: WebhookSubscription,
  defaults: { retries: number; timeoutMs: number },
): DeliveryTarget {
  const settings = subscription.settings ?? {};
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(settings.headers ?? {})) if (value !== undefined) headers[name] = value;
  if (settings.username !== undefined || settings.password !== undefined) {
    const credentials = `${settings.username ?? ''}:${settings.password ?? ''}`;
    headers['Authorization'] = `Basic ${Buffer.from(credentials, 'utf8').toString('base64')}`;
  }
  const query = settings.query_params?.replace(/^[?&]/, '');
  const url = query ? `${subscription.url}${subscription.url.includes('?') ? '&' : '?'}${query}` : subscription.url;
  return {
    subscriptionId: subscription.id,
    url,
    headers,
    maxRetries: settings.retry ?? defaults.retries,
    timeoutMs: settings.timeout !== undefined ? settings.timeout * 1000 : defaults.timeoutMs,
    expectedStatus: settings.expected_http_code,
  };
}

/**
 * The webhook subscriptions: the CLI's (`--webhook-url`), made at start and after every reset,
 * and those created through /v1/webhooks. Kept here rather than in the Store because the mock's
 * reset clears the store after resetting webhooks, which would drop the re-created CLI ones.
 */
export function createSubscriptions({ config, ids, clock }: SubscriptionsDeps) {
  const byId = new Map<string, WebhookSubscription>();
  let enabledCount = 0;

  const recount = () => {
    enabledCount = 0;
    for (const s of byId.values()) if (s.status === 'enabled') enabledCount++;
  };

  function get(id: string): WebhookSubscription {
    const found = byId.get(id);
    if (!found) throw errors.notFound('webhook', id);
    return found;
  }

  function create(request: WebhookCreateRequest): WebhookSubscription {
    const subscription: WebhookSubscription = {
      id: ids.next(),
      url: request.url,
      ...(request.channelId !== undefined ? { channelId: request.channelId } : {}),
      events: [...request.events],
      status: 'enabled',
      ...(request.settings !== undefined ? { settings: request.settings } : {}),
      createdDatetime: rfc3339(clock.now()),
      updatedDatetime: null,
    };
    byId.set(subscription.id, subscription);
    recount();
    return subscription;
  }

  function createFromConfig(): void {
    for (const url of config.webhookUrls) create({ url, events: config.webhookEvents as WebhookCreateRequest['events'] });
  }

  createFromConfig();

  return {
    get,
    create,
    list: (): WebhookSubscription[] => [...byId.values()],

    /** Fields given replace the old ones; `settings` is replaced as a whole, not merged. */
    update(id: string, request: WebhookUpdateRequest): WebhookSubscription {
      const defined = Object.fromEntries(Object.entries(request).filter(([, v]) => v !== undefined));
      const updated: WebhookSubscription = { ...get(id), ...defined, updatedDatetime: rfc3339(clock.now()) };
      byId.set(id, updated);
      recount();
      return updated;
    },

    remove(id: string): void {
      get(id);
      byId.delete(id);
      recount();
    },

    /** Enabled subscriptions that want `type` and whose channel filter, if any, is `channelId`. */
    matching(type: WebhookEventType, channelId: string): WebhookSubscription[] {
      if (enabledCount === 0) return [];
      const out: WebhookSubscription[] = [];
      for (const s of byId.values()) {
        if (s.status === 'enabled' && s.events.includes(type) && (s.channelId === undefined || s.channelId === channelId)) out.push(s);
      }
      return out;
    },

    get enabledCount(): number {
      return enabledCount;
    },

    /** Drops every subscription and re-creates the CLI ones (with new ids). */
    reset(): void {
      byId.clear();
      recount();
      createFromConfig();
    },
  };
}

export type Subscriptions = ReturnType<typeof createSubscriptions>;
