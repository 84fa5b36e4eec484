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

/** A message the app sent, as stored: `pending` until the simulated delivery moves it on. */
export function buildOutboundMessage(input: OutboundInput): Message {
  const { request: r } = input;
  const echoes = { fallback: r.fallback, source: r.source, tag: r.tag, trackId: r.trackId, ttl: r.ttl, reportUrl: r.reportUrl };
  return {
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
    createdDatetime: rfc3339(input.nowMs),
    updatedDatetime: rfc3339(input.nowMs),
    ...Object.fromEntries(Object.entries(echoes).filter(([, v]) => v !== undefined)),
  } as Message;
}
