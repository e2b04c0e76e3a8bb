/**
 * Client-generated action ids (the idempotency key of a write). `crypto.randomUUID` exists only
 * in secure contexts, and a wall screen may well be served over plain http on the LAN, so the
 * id is built from `getRandomValues`, which exists everywhere.
 */
export function newActionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
