import { rfc3339 } from '../clock.js';
import type { Message, SendRequest } from '../types/generated.js';

/** The fields of a request that a stored message echoes. */
type MessageRequest = Pick<SendRequest, 'type' | 'content' | 'fallback' | 'source' | 'tag' | 'trackId' | 'ttl' | 'reportUrl'>;

export interface OutboundInput {
  id: string;
  conversationId: string;
  channelId: string;
  /** The recipient's number. */
  to: string;
  /** The business number the channel sends from. */
  from: string;
  request: MessageRequest;
  nowMs: number;
}

const ECHOED = ['fallback', 'source', 'tag', 'trackId', 'ttl', 'reportUrl'] as const;

/** A message the app sent, as stored: `pending` until the simulated delivery moves it on. */
export function buildOutboundMessage(input: OutboundInput): Message {
  const { request: r } = input;
  const now = rfc3339(input.nowMs);
  const message: Record<string, unknown> = {
    id: input.id,
    conversationId: input.conversationId,
    platform: 'whatsapp',
    to: input.to,
    from: input.from,
    channelId: input.channelId,
    type: r.type,
    content: r.content,
    direction: 'sent',
    status: 'pending',
    createdDatetime: now,
    updatedDatetime: now,
  };
  for (const key of ECHOED) if (r[key] !== undefined) message[key] = r[key];
  // The request was validated against the same schemas, so its type and content agree.
  return message as unknown as Message;
}
