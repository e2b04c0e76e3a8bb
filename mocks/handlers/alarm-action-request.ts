/**
 * The body of `POST /alarms/{id}/actions`, validated: an operator's action with its idempotency
 * key and the lifecycle version the operator saw. Anything else (unknown keys, wrong types,
 * oversized text) is refused with a message naming the field.
 */
import { z } from 'zod';
import { LIFECYCLE_ACTIONS, type ActionRequest } from '../sim/engine/alarm-lifecycle';
import { DEPARTMENTS } from '../sim/types';

export const MAX_ACTION_ID = 64;
export const MAX_ASSIGNEE = 80;
export const MAX_OPERATOR = 80;
export const MAX_NOTE = 2000;
/** Far above any valid body: bigger ones are refused before they are parsed. */
export const MAX_BODY_CHARS = 2 * 1024 * 1024;

/** What each field must be, for the 400 message. */
const RULES: Readonly<Record<string, string>> = {
  actionId: `must be 1 to ${MAX_ACTION_ID} characters of A-Z, a-z, 0-9, _ and -`,
  action: `must be one of ${LIFECYCLE_ACTIONS.join(', ')}`,
  expectedVersion: 'must be an integer >= 0',
  department: `must be one of ${DEPARTMENTS.join(', ')}`,
  assignee: `must be a string of at most ${MAX_ASSIGNEE} characters`,
  note: `must be a string of at most ${MAX_NOTE} characters`,
  operator: `must be a string of at most ${MAX_OPERATOR} characters`,
};

const actionRequestSchema = z
  .strictObject({
    actionId: z.string().regex(new RegExp(`^[A-Za-z0-9_-]{1,${MAX_ACTION_ID}}$`)),
    action: z.enum(LIFECYCLE_ACTIONS),
    expectedVersion: z.number().int().min(0),
    department: z.enum(DEPARTMENTS).optional(),
    assignee: z.string().max(MAX_ASSIGNEE).optional(),
    note: z.string().max(MAX_NOTE).optional(),
    operator: z.string().max(MAX_OPERATOR).optional(),
  })
  .superRefine((body, ctx) => {
    if (body.action === 'dispatch' && body.department === undefined)
      ctx.addIssue({ code: 'custom', path: ['department'], message: 'is required for dispatch' });
    if (body.action === 'note' && !body.note?.trim())
      ctx.addIssue({
        code: 'custom',
        path: ['note'],
        message: 'is required for a note (not blank)',
      });
  });

export type ParsedActionRequest =
  | { readonly ok: true; readonly request: ActionRequest }
  | { readonly ok: false; readonly message: string };

/** A field name for a message: short, and quoted when it is not one of ours (it is user input). */
function fieldName(key: PropertyKey): string {
  const name = String(key);
  return Object.hasOwn(RULES, name) ? name : JSON.stringify(name.slice(0, 40));
}

export function parseActionRequest(text: string): ParsedActionRequest {
  if (text.length > MAX_BODY_CHARS)
    return { ok: false, message: `the body is larger than ${MAX_BODY_CHARS} characters` };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, message: 'the body must be a JSON object' };
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    return { ok: false, message: 'the body must be a JSON object' };
  const parsed = actionRequestSchema.safeParse(body);
  if (parsed.success) return { ok: true, request: parsed.data };
  const messages = parsed.error.issues.slice(0, 3).map((issue) => {
    if (issue.code === 'unrecognized_keys')
      return `unknown field ${issue.keys.slice(0, 3).map(fieldName).join(', ')}`;
    const field = issue.path[0] ?? '';
    const name = fieldName(field);
    if (issue.code === 'custom') return `${name} ${issue.message}`;
    if ((body as Record<string, unknown>)[String(field)] === undefined)
      return `${name} is required`;
    return `${name} ${RULES[String(field)] ?? 'is malformed'}`;
  });
  return { ok: false, message: [...new Set(messages)].join('; ') };
}
