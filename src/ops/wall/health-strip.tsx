/**
 * The wall's data-health strip: every source in a word, readable from across the room. A source
 * that stopped answering stays on screen marked stale "since HH:MM" (the time of the data still
 * shown), so nobody mistakes old data for the present.
 */
import { useTranslation } from 'react-i18next';
import type { Language } from '../../map/layer-contract';
import { isStale } from '../../map/layer-sources';
import { useDisplayNow, useDisplayTime } from '../../ui/display-time';
import { formatHourMinute } from '../../ui/format-number';
import type { HealthEntry } from '../health/data-health';

export function HealthStrip({
  entries,
  language,
  timeZone,
}: {
  entries: readonly HealthEntry[];
  language: Language;
  timeZone?: string;
}) {
  const { t } = useTranslation();
  const now = useDisplayNow();
  const { rate, replay } = useDisplayTime();
  return (
    <ul className="wall-health" aria-label={t('health.title')} data-testid="wall-health">
      {entries.map(({ id, title, status }) => {
        const stale = isStale(status, now, rate, replay);
        const since =
          status.observedAt === null
            ? null
            : formatHourMinute(status.observedAt, language, timeZone);
        const tone = status.phase === 'error' ? 'error' : stale ? 'stale' : status.phase;
        const word =
          tone === 'error' || tone === 'stale'
            ? since
              ? t('wall.staleSince', { time: since })
              : t('wall.noData')
            : tone === 'live'
              ? t('wall.live')
              : t('status.loading');
        return (
          <li
            key={id}
            className={`wall-health__item wall-health__item--${tone}`}
            data-testid="wall-health-item"
            data-source={id}
            data-tone={tone}
          >
            <span aria-hidden="true">
              {tone === 'live' ? '●' : tone === 'loading' ? '○' : '▲'}{' '}
            </span>
            {title} · {word}
          </li>
        );
      })}
    </ul>
  );
}
