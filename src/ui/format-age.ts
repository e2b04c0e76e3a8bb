/** "just now" / "12 s ago" / "3 min ago" / "2 h ago", through the caller's translator. */
export function formatAge(ageMs: number, t: (key: string, vars?: Record<string, number>) => string): string {
  const seconds = Math.round(ageMs / 1_000);
  if (seconds < 3) return t('age.justNow');
  if (seconds < 90) return t('age.seconds', { count: seconds });
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return t('age.minutes', { count: minutes });
  return t('age.hours', { count: Math.round(minutes / 60) });
}

/** "45 s" / "12 min" / "3 h 5 min": how long something has lasted. */
export function formatDuration(ms: number, t: (key: string, vars?: Record<string, number>) => string): string {
  const seconds = Math.max(0, Math.round(ms / 1_000));
  if (seconds < 90) return t('duration.seconds', { count: seconds });
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return t('duration.minutes', { count: minutes });
  return t('duration.hours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}
