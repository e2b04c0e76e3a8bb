/** Number and time formatting for texts shown to the reader, in the reader's language. */
import type { AppLanguage } from '../i18n';

export interface NumberStyle {
  /** Decimals shown at most (default 0) and at least (default 0). */
  readonly maxDigits?: number;
  readonly minDigits?: number;
  /**
   * How the last digit is rounded (default half-up). A reading judged by a threshold rounds away
   * from the threshold's bad side, so the text never shows the threshold value itself for a
   * reading on the other side of it (249.96 kPa under a "< 250" rule shows 249.9, not 250).
   */
  readonly rounding?: 'floor' | 'ceil' | 'halfExpand';
}

const numberFormatters = new Map<string, Intl.NumberFormat>();

export function formatNumber(
  value: number,
  language: AppLanguage,
  style: NumberStyle = {},
): string {
  const { maxDigits = 0, minDigits = 0, rounding = 'halfExpand' } = style;
  const key = `${language}|${maxDigits}|${minDigits}|${rounding}`;
  let formatter = numberFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(language, {
      maximumFractionDigits: maxDigits,
      minimumFractionDigits: minDigits,
      roundingMode: rounding,
    });
    numberFormatters.set(key, formatter);
  }
  return formatter.format(value);
}

const timeFormatters = new Map<AppLanguage, Intl.DateTimeFormat>();

/** Date and time of an ISO timestamp; null when it does not parse. */
export function formatDateTime(iso: string, language: AppLanguage): string | null {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return null;
  let formatter = timeFormatters.get(language);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' });
    timeFormatters.set(language, formatter);
  }
  return formatter.format(time);
}

const clockFormatters = new Map<string, Intl.DateTimeFormat>();

type ClockStyle = Pick<Intl.DateTimeFormatOptions, 'dateStyle' | 'timeStyle'>;

function clockFormatter(language: AppLanguage, style: ClockStyle, timeZone?: string) {
  const key = `${language}|${timeZone ?? ''}|${style.dateStyle ?? ''}|${style.timeStyle ?? ''}`;
  let formatter = clockFormatters.get(key);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat(language, { ...style, timeZone });
    } catch {
      // An unknown time zone from a source: show the browser's rather than nothing.
      formatter = new Intl.DateTimeFormat(language, style);
    }
    clockFormatters.set(key, formatter);
  }
  return formatter;
}

/** Date and time to the second, in a city's time zone when it is known. */
export function formatClock(timeMs: number, language: AppLanguage, timeZone?: string): string {
  return clockFormatter(language, { dateStyle: 'medium', timeStyle: 'medium' }, timeZone).format(timeMs);
}

/** Hours and minutes ("14:05"), in a city's time zone when it is known. */
export function formatHourMinute(timeMs: number, language: AppLanguage, timeZone?: string): string {
  return clockFormatter(language, { timeStyle: 'short' }, timeZone).format(timeMs);
}
