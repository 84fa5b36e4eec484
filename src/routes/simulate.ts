import { Hono } from 'hono';
import { ErrorCode, errors, type ApiErrorItem } from '../errors.js';
import { readJsonObject } from '../http/read-json.js';
import type { ReplySpec } from '../replies/policy.js';
import type { InboundMessageInput } from '../simulation/simulator.js';
import type { Store } from '../store/store.js';
import type { Message, SchemaTypes } from '../types/generated.js';
import type { SchemaName, SchemaRegistry } from '../validation/schema-registry.js';
import { checkAgainst } from '../validation/validate-request.js';

export interface SimulateRouteDeps {
  registry: SchemaRegistry;
  store: Store;
  replyNow(sentId: string, spec: ReplySpec): Message;
  inbound(input: InboundMessageInput): Message;
}

type Body = Record<string, unknown>;

/** `{"choice": "a", "index": 1}` is ambiguous: say which fields clash instead of guessing. */
function atMostOne(body: Body, fields: string[], hint: string): ApiErrorItem[] {
  const given = fields.filter((f) => body[f] !== undefined);
  if (given.length <= 1) return [];
  const names = given.map((f) => JSON.stringify(f)).join(' and ');
  const both = given.length === 2 ? 'both' : 'all';
  return [{ code: ErrorCode.invalidParams, description: `${names} were ${both} given; send only one: ${hint}`, parameter: given[1]! }];
}

const INBOUND_HINT = '{"from", "text"} for a text, or {"from", "type", "content"} for any other message';

/** Whether the user's message has too much (text and type/content) or nothing at all. */
function inboundShapeErrors(body: Body): ApiErrorItem[] {
  if (body.text !== undefined) return atMostOne(body, ['text', body.type !== undefined ? 'type' : 'content'], INBOUND_HINT);
  if (body.type !== undefined || body.content !== undefined) return [];
  return [{ code: ErrorCode.missingParams, description: `the message is missing; send ${INBOUND_HINT}`, parameter: 'text' }];
}

const MSISDN_HINT = 'use "+" and 6–15 digits, e.g. +31612345678';

/**
 * The mock's own endpoints are validated strictly whatever `--strict` says: no legacy client
 * sends them, and a tolerated typo (`{"choise": "yes"}`) would silently become a random answer.
 */
function validated<N extends SchemaName>(registry: SchemaRegistry, name: N, body: Body, shape: ApiErrorItem[]): SchemaTypes[N] {
  const { errors: found, extras } = checkAgainst(registry, name, body);
  // A message missing altogether is one problem, not one per field of `type` + `content`.
  const missing = shape.some((e) => e.code === ErrorCode.missingParams);
  const relevant = missing ? found.filter((e) => e.parameter !== 'type' && e.parameter !== 'content') : found;
  const friendly = relevant.map((e) =>
    e.parameter === 'from' && typeof body.from === 'string'
      ? { ...e, description: `from ${JSON.stringify(body.from)} is not an MSISDN; ${MSISDN_HINT}` }
      : e,
  );
  const problems = [...friendly, ...extras, ...shape];
  if (problems.length > 0) throw errors.validation(problems);
  return body as SchemaTypes[N];
}

function replySpec(request: SchemaTypes['reply-request']): ReplySpec {
  if (request.choice !== undefined) return { choice: request.choice };
  if (request.index !== undefined) return { index: request.index };
  if (request.text !== undefined) return { text: request.text };
  return { random: true };
}

/** /__mock: answer a sent message on demand, or write to the app as the user. No auth. */
export function simulateRoutes(deps: SimulateRouteDeps): Hono {
  const app = new Hono();

  app.post('/messages/:id/reply', async (c) => {
    const id = c.req.param('id');
    if (!deps.store.messages.has(id)) throw errors.notFound('message', id);
    // `curl -X POST` without a body means "any answer", like `{}`.
    const body = (await c.req.text()).trim() === '' ? {} : await readJsonObject(c);
    const hint = '{"choice": "<button or row id>"}, {"index": 0}, {"text": "..."}, or {} for a random pick';
    const request = validated(deps.registry, 'reply-request', body, atMostOne(body, ['choice', 'index', 'text'], hint));
    return c.json(deps.replyNow(id, replySpec(request)), 202);
  });

  app.post('/inbound', async (c) => {
    const body = await readJsonObject(c);
    const request = validated(deps.registry, 'inbound-request', body, inboundShapeErrors(body));
    const typed =
      request.text !== undefined
        ? { type: 'text' as const, content: { text: request.text } }
        : // The schema's `else` branch checked content against type (typedContent).
          { type: request.type!, content: request.content as Message['content'] };
    return c.json(deps.inbound({ from: request.from, channelId: request.channelId, ...typed }), 202);
  });

  return app;
}
