/**
 * The wall's alarm ticker: the newest open alarms at or above a severity, newest first, each
 * with its severity in words and shape (never colour alone), where it is and since when.
 */
import { useTranslation } from 'react-i18next';
import type { Language } from '../../map/layer-contract';
import { formatHourMinute } from '../../ui/format-number';
import { localizedName, severityName } from '../alarms/labels';
import type { ViewedAlarm } from '../alarms/optimistic';

const SHAPES: Readonly<Record<number, string>> = { 3: '◆', 2: '▲', 1: '●' };

export function newestAlarms(
  alarms: readonly ViewedAlarm[],
  minSeverity: number,
  count: number,
): ViewedAlarm[] {
  return alarms
    .filter((alarm) => alarm.status === 'open' && alarm.severity >= minSeverity)
    .sort((a, b) => Date.parse(b.raisedAt) - Date.parse(a.raisedAt))
    .slice(0, count);
}

export function AlarmTicker({
  alarms,
  areaNames,
  language,
  timeZone,
}: {
  alarms: readonly ViewedAlarm[];
  areaNames: ReadonlyMap<string, string>;
  language: Language;
  timeZone?: string;
}) {
  const { t } = useTranslation();
  return (
    <section className="wall-ticker" aria-label={t('wall.ticker')} data-testid="wall-ticker">
      <h2 className="wall-ticker__title">{t('wall.ticker')}</h2>
      {alarms.length === 0 ? (
        <p className="wall-ticker__empty">{t('wall.noSevereAlarms')}</p>
      ) : (
        <ol className="wall-ticker__list">
          {alarms.map((alarm) => (
            <li
              key={alarm.id}
              className={`wall-ticker__item wall-ticker__item--sev${alarm.severity}`}
              data-testid="wall-ticker-item"
              data-alarm-id={alarm.id}
            >
              <span className="wall-ticker__severity">
                <span aria-hidden="true">{SHAPES[alarm.severity] ?? '●'} </span>
                {severityName(t, alarm.severity)}
              </span>
              <span className="wall-ticker__text">{localizedName(alarm.title, language)}</span>
              <span className="wall-ticker__meta">
                {alarm.areaId ? `${areaNames.get(alarm.areaId) ?? ''} · ` : ''}
                {formatHourMinute(Date.parse(alarm.raisedAt), language, timeZone)}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
