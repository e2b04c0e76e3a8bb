/**
 * How long each department has to resolve an alarm (minutes from when it was raised), by
 * default; the runtime config's `alarmSlaMinutes` overrides it per department.
 */
export type SlaMinutes = Readonly<Record<string, number>>;

export const DEFAULT_SLA_MINUTES: SlaMinutes = {
  'fire-brigade': 30,
  'traffic-police': 45,
  'gas-utility': 60,
  'city-management': 60,
  'water-utility': 120,
  drainage: 120,
};

/** Used for a department neither the defaults nor the config name. */
const FALLBACK_MINUTES = 60;

export function slaMinutes(sla: SlaMinutes, department: string): number {
  return sla[department] ?? DEFAULT_SLA_MINUTES[department] ?? FALLBACK_MINUTES;
}

/** Whether an alarm raised at `raisedAtMs` and not yet resolved is past its SLA at `nowMs`. */
export function isOverdue(
  sla: SlaMinutes,
  department: string,
  raisedAtMs: number,
  nowMs: number,
): boolean {
  return nowMs - raisedAtMs > slaMinutes(sla, department) * 60_000;
}
