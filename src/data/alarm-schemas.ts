/**
 * Alarms and their lifecycle as the REST contract serves them (`GET /alarms`, `GET /alarms/{id}`,
 * `POST /alarms/{id}/actions`), validated at the edge like every other response.
 */
import { z } from 'zod';
import { summarizeIssues } from './http-client';
import { bboxSchema, localizedTextSchema, positionSchema } from './schemas';

const isoTime = z.iso.datetime({ offset: true });

/** Departments the demo city knows; a real source may name others (shown by their id). */
export const DEPARTMENTS = [
  'traffic-police',
  'water-utility',
  'drainage',
  'gas-utility',
  'fire-brigade',
  'city-management',
] as const;
export type KnownDepartment = (typeof DEPARTMENTS)[number];

export const LIFECYCLE_STEPS = [
  'new',
  'acknowledged',
  'dispatched',
  'on-scene',
  'resolved',
  'closed',
] as const;
export type LifecycleStep = (typeof LIFECYCLE_STEPS)[number];

export const ALARM_ACTIONS = [
  'acknowledge',
  'dispatch',
  'arrive',
  'resolve',
  'close',
  'note',
] as const;
export type AlarmActionKind = (typeof ALARM_ACTIONS)[number];

export const MAX_NOTE = 2000;
export const MAX_ASSIGNEE = 80;

const department = z.string().min(1).max(64);

export const lifecycleEntrySchema = z.object({
  actionId: z.string().min(1).max(64),
  action: z.enum(ALARM_ACTIONS),
  at: isoTime,
  step: z.enum(LIFECYCLE_STEPS),
  department: department.nullable(),
  assignee: z.string().max(MAX_ASSIGNEE).nullable(),
  note: z.string().max(MAX_NOTE).nullable(),
  operator: z.string().max(80).nullable(),
});
export type LifecycleEntry = z.infer<typeof lifecycleEntrySchema>;

export const lifecycleSchema = z.object({
  step: z.enum(LIFECYCLE_STEPS),
  version: z.number().int().min(0),
  stepSince: isoTime,
  department: department.nullable(),
  assignee: z.string().max(MAX_ASSIGNEE).nullable(),
  history: z.array(lifecycleEntrySchema).max(1000),
});
export type Lifecycle = z.infer<typeof lifecycleSchema>;

export const alarmSchema = z.object({
  id: z.string().min(1).max(128),
  ruleId: z.string().max(128),
  domain: z.string().max(64),
  department,
  severity: z.number().int().min(1).max(3),
  status: z.enum(['open', 'cleared']),
  datasetId: z.string().max(64),
  featureIds: z.array(z.string().min(1).max(128)).max(10_000),
  raisedAt: isoTime,
  clearedAt: isoTime.nullable(),
  value: z.number().finite().nullable(),
  unit: z.string().max(32),
  title: localizedTextSchema,
  areaId: z.string().max(128).nullable(),
  position: positionSchema,
  bbox: bboxSchema,
  lifecycle: lifecycleSchema,
});
export type Alarm = z.infer<typeof alarmSchema>;

/**
 * The list is read alarm by alarm: one malformed alarm is left out and counted (and said), it
 * does not cost the operator every other alarm.
 */
export const alarmListSchema = z
  .object({
    observedAt: isoTime,
    cadenceS: z.number().positive().max(86_400),
    alarms: z.array(z.unknown()).max(5000),
  })
  .transform(({ alarms: raw, ...list }) => {
    const alarms: Alarm[] = [];
    let unreadable = 0;
    let firstProblem: string | null = null;
    for (const item of raw) {
      const parsed = alarmSchema.safeParse(item);
      if (parsed.success) {
        alarms.push(parsed.data);
      } else {
        unreadable += 1;
        firstProblem ??= summarizeIssues(parsed.error);
      }
    }
    return { ...list, alarms, unreadable, firstProblem };
  });
export type AlarmList = z.output<typeof alarmListSchema>;

/** The body of a 409: what the source refused, and the alarm as it now stands. */
export const alarmConflictSchema = z.object({
  error: z.object({ code: z.literal('conflict'), message: z.string().max(400) }),
  alarm: alarmSchema,
});

/** One operator action, as sent (`actionId` makes a retry safe: the source applies it once). */
export interface AlarmAction {
  readonly actionId: string;
  readonly action: AlarmActionKind;
  readonly expectedVersion: number;
  readonly department?: string;
  readonly assignee?: string;
  readonly note?: string;
  readonly operator?: string;
}

export type AlarmActionResult =
  | { readonly kind: 'applied'; readonly alarm: Alarm }
  | { readonly kind: 'conflict'; readonly message: string; readonly alarm: Alarm };
