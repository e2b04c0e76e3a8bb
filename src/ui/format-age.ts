type Translate = (key: string, vars?: Record<string, number>) => string;

/**
 * An age as it is said: a unit and a count. Two ages with the same step read the same, so a
 * text of an age need only be made again when its step changes (once a minute for an age of
 * minutes, not once a second).
 */
export interface AgeStep {
  readonly unit: 'justNow' | 'seconds' | 'minutes' | 'hours';
  readonly count: number;
}

export function ageStep(ageMs: number): AgeStep {
  const seconds = Math.round(ageMs / 1_000);
  if (seconds < 3) return { unit: 'justNow', count: 0 };
  if (seconds < 90) return { unit: 'seconds', count: seconds };
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return { unit: 'minutes', count: minutes };
  return { unit: 'hours', count: Math.round(minutes / 60) };
}

export function formatAgeStep({ unit, count }: AgeStep, t: Translate): string {
  return unit === 'justNow' ? t('age.justNow') : t(`age.${unit}`, { count });
}

/** "just now" / "12 s ago" / "3 min ago" / "2 h ago", through the caller's translator. */
export function formatAge(ageMs: number, t: Translate): string {
  return formatAgeStep(ageStep(ageMs), t);
}

/** "45 s" / "12 min" / "3 h 5 min": how long something has lasted. */
export function formatDuration(ms: number, t: Translate): string {
  const seconds = Math.max(0, Math.round(ms / 1_000));
  if (seconds < 90) return t('duration.seconds', { count: seconds });
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return t('duration.minutes', { count: minutes });
  return t('duration.hours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}
