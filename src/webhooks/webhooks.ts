import type { MockEvent } from '../core/events.js';
import type { CoreServices } from '../core/services.js';
import type { IdSource } from '../ids.js';
import { deliveryRoutes } from '../routes/deliveries.js';
import { webhookRoutes } from '../routes/webhooks.js';
import { createDispatcher } from './dispatcher.js';
import { buildEnvelope, isMessageEvent } from './envelope.js';
import { createJournal } from './journal.js';
import { createSubscriptions, deliveryTarget } from './subscriptions.js';

export interface WebhooksDeps extends CoreServices {
  ids: IdSource;
  fetch: typeof fetch;
}

/** Settled deliveries kept per stored message: room for created + three status updates each. */
const JOURNAL_ENTRIES_PER_MESSAGE = 4;

/**
 * Webhooks end to end: subscriptions (CLI and /v1/webhooks), one envelope per event built at
 * event time, one dispatcher that POSTs it to every subscription that wants it, and the journal.
 */
export function createWebhooks(deps: WebhooksDeps) {
  const { config, store, messaging, logger } = deps;
  const journal = createJournal({ maxSettled: config.maxMessages * JOURNAL_ENTRIES_PER_MESSAGE });
  const subscriptions = createSubscriptions({ config, ids: deps.ids, clock: deps.clock });
  const dispatcher = createDispatcher({
    clock: deps.clock,
    fetch: deps.fetch,
    logger,
    journal,
    signingKey: config.signingKey,
    signatureUrl: config.signatureUrl,
    retryDelayMs: config.webhookRetryDelayMs,
  });
  const defaults = { retries: config.webhookRetries, timeoutMs: config.webhookTimeoutMs };
  let deliveryCount = 0;

  function deliver(event: MockEvent): void {
    const conversation = store.conversations.get(event.conversationId);
    if (!conversation) return; // evicted from the bounded store before anyone could see it
    const targets = subscriptions.matching(event.type, conversation.channelId);
    if (targets.length === 0) return;
    const message = isMessageEvent(event.type) && event.messageId ? store.messages.get(event.messageId) : undefined;
    if (isMessageEvent(event.type) && !message) return;
    const json = JSON.stringify(buildEnvelope({ type: event.type, conversation: messaging.view(conversation), message }));
    const body = Buffer.from(json, 'utf8');
    // Parsed back so the journal shows exactly the bytes sent, untouched by later changes to the store.
    const payload = JSON.parse(json);
    const messageId = message?.id;
    for (const subscription of targets) {
      const target = deliveryTarget(subscription, defaults);
      const deliveryId = `dlv_${++deliveryCount}`;
      journal.add({ id: deliveryId, type: event.type, url: target.url, subscriptionId: subscription.id, messageId, conversationId: conversation.id, payload });
      dispatcher.enqueue({ deliveryId, type: event.type, messageId, conversationId: conversation.id, target, body });
    }
  }

  const unsubscribe = deps.events.on((event) => {
    if (subscriptions.enabledCount === 0) return; // the benchmarked path: no subscribers, no work
    try {
      deliver(event);
    } catch (error) {
      // Listeners run inside the API call that caused the event; a webhook bug must not fail it.
      logger.error(`webhook: could not prepare ${event.type} for conversation ${event.conversationId}`, { error });
    }
  });

  return {
    routes: webhookRoutes({ subscriptions, registry: deps.registry, strict: config.strict }),
    controlRoutes: deliveryRoutes({ journal }),
    journal,
    subscriptions,
    /** In-flight, queued and retry-waiting counts, for tests and diagnostics. */
    stats: () => dispatcher.stats(),

    /** Stops listening and retrying; waits up to `graceMs` for open requests; fails and logs what is left. */
    async close(graceMs: number): Promise<void> {
      unsubscribe();
      await dispatcher.close(graceMs);
    },

    /** Cancels retries, forgets deliveries and API-made subscriptions, re-creates the CLI ones. */
    reset(): void {
      dispatcher.reset();
      journal.clear();
      subscriptions.reset();
    },
  };
}

export type Webhooks = ReturnType<typeof createWebhooks>;
