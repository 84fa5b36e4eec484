/**
 * Values real apps send that the API takes although the docs say otherwise. MessageBird's own
 * tutorial bot PATCHes `{"status":"archive"}`; the documented value is `archived`.
 */
const CONVERSATION_STATUS: Record<string, string> = { archive: 'archived' };

export function tolerateConversationStatus(body: Record<string, unknown>): { body: Record<string, unknown>; warnings: string[] } {
  const status = body.status;
  const corrected = typeof status === 'string' ? CONVERSATION_STATUS[status] : undefined;
  if (corrected === undefined) return { body, warnings: [] };
  return {
    body: { ...body, status: corrected },
    warnings: [`status "${status}" was taken as "${corrected}", the documented value; --strict rejects it`],
  };
}
