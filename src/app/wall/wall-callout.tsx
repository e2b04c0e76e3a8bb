/**
 * What the wall is showing, said in words on screen (a wall has no hover): the view of the tour
 * with its place in the loop, or the alarm that pre-empted it, with its severity in words and
 * shape, where, since when and who owns it.
 */
import { useTranslation } from 'react-i18next';
import type { Language } from '../../map/layer-contract';
import { formatHourMinute } from '../../ui/format-number';
import { departmentName, localizedName, severityName, stepName } from '../../ops/alarms/labels';
import type { ViewedAlarm } from '../../ops/alarms/optimistic';

export type CalloutSubject =
  | {
      readonly kind: 'view';
      readonly place: string;
      readonly layers: string;
      readonly step: number;
      readonly of: number;
    }
  | { readonly kind: 'alarm'; readonly alarm: ViewedAlarm; readonly place: string | null };

export function WallCallout({
  subject,
  language,
  timeZone,
}: {
  subject: CalloutSubject;
  language: Language;
  timeZone?: string;
}) {
  const { t } = useTranslation();
  if (subject.kind === 'view') {
    return (
      <aside
        className="wall-callout"
        data-testid="wall-callout"
        data-kind="view"
        aria-live="polite"
      >
        <span className="wall-callout__label">
          {t('wall.nowShowing', { step: subject.step, of: subject.of })}
        </span>
        <strong className="wall-callout__title">{subject.place}</strong>
        {subject.layers ? <span className="wall-callout__meta">{subject.layers}</span> : null}
      </aside>
    );
  }
  const { alarm } = subject;
  return (
    <aside
      className={`wall-callout wall-callout--alarm wall-callout--sev${alarm.severity}`}
      data-testid="wall-callout"
      data-kind="alarm"
      data-alarm-id={alarm.id}
      role="alert"
    >
      <span className="wall-callout__label">
        <span aria-hidden="true">◆ </span>
        {t('wall.newAlarm')} · {severityName(t, alarm.severity)}
      </span>
      <strong className="wall-callout__title">{localizedName(alarm.title, language)}</strong>
      <span className="wall-callout__meta">
        {subject.place ? `${subject.place} · ` : ''}
        {formatHourMinute(Date.parse(alarm.raisedAt), language, timeZone)} ·{' '}
        {departmentName(t, alarm.lifecycle.department ?? alarm.department)} ·{' '}
        {stepName(t, alarm.lifecycle.step)}
      </span>
    </aside>
  );
}
