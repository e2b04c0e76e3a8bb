/**
 * One row of the alarm centre. The centre re-renders every second (ages, overdue marks); a row
 * is rebuilt only when what it says changes: its alarm, its flags, or its age's step (once a
 * minute for an alarm raised minutes ago).
 */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../map/layer-contract';
import { formatAgeStep, type AgeStep } from '../../ui/format-age';
import { departmentName, localizedName, severityName, stepName } from './labels';
import type { ViewedAlarm } from './optimistic';

export interface AlarmRowProps {
  readonly alarm: ViewedAlarm;
  readonly language: Language;
  readonly areaName: string | null;
  readonly ageUnit: AgeStep['unit'];
  readonly ageCount: number;
  readonly unseen: boolean;
  readonly overdue: boolean;
  readonly focused: boolean;
  /** Stable across renders (the row is memoised). */
  readonly onOpen: (alarm: ViewedAlarm) => void;
}

export const AlarmRow = memo(function AlarmRow({
  alarm,
  language,
  areaName,
  ageUnit,
  ageCount,
  unseen,
  overdue,
  focused,
  onOpen,
}: AlarmRowProps) {
  const { t } = useTranslation();
  return (
    <li>
      <button
        type="button"
        className={`alarm-row alarm-row--sev${alarm.severity}${unseen ? ' alarm-row--unseen' : ''}${alarm.status === 'cleared' ? ' alarm-row--cleared' : ''}${focused ? ' alarm-row--focused' : ''}`}
        onClick={() => onOpen(alarm)}
        aria-current={focused ? 'true' : undefined}
        data-testid="alarm-row"
        data-alarm-id={alarm.id}
        data-domain={alarm.domain}
        data-step={alarm.lifecycle.step}
        data-unseen={unseen}
        data-pending={alarm.pendingActionIds.length > 0}
      >
        <span className={`severity-badge severity-badge--${alarm.severity}`}>
          {severityName(t, alarm.severity)}
        </span>
        <span className="alarm-row__title">{localizedName(alarm.title, language)}</span>
        {unseen ? <span className="alarm-row__new">{t('alarms.unseen')}</span> : null}
        <span className="alarm-row__meta">
          {[
            areaName,
            departmentName(t, alarm.lifecycle.department ?? alarm.department),
            formatAgeStep({ unit: ageUnit, count: ageCount }, t),
          ]
            .filter(Boolean)
            .join(' · ')}
        </span>
        <span className="alarm-row__step">
          {stepName(t, alarm.lifecycle.step)}
          {alarm.status === 'cleared' ? ` · ${t('alarms.cleared')}` : ''}
          {overdue ? (
            <strong className="alarm-row__overdue"> · {t('alarms.overdue')}</strong>
          ) : null}
          {alarm.pendingActionIds.length > 0 ? (
            <span className="alarm-row__pending" title={t('alarms.pendingTitle')}>
              {' '}
              · {t('alarms.pending')}
            </span>
          ) : null}
        </span>
      </button>
    </li>
  );
});
