/**
 * One alarm in the details panel: what it is, where, how long it has stood and whether it is
 * past its department's SLA, the actions its step allows, and its audit trail. Actions show at
 * once and are marked as sending until the source confirms them.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { allowedActions } from '../../data/alarm-lifecycle';
import { MAX_ASSIGNEE, MAX_NOTE, type AlarmActionKind } from '../../data/alarm-schemas';
import type { Language } from '../../map/layer-contract';
import { useDisplayNow, useDisplayTime } from '../../ui/display-time';
import { formatDuration } from '../../ui/format-age';
import { formatClock } from '../../ui/format-number';
import { useAlarmDesk } from './alarm-desk';
import { isActive } from './alarm-list';
import { actionName, departmentName, localizedName, severityName, stepName } from './labels';
import type { ViewedAlarm } from './optimistic';
import { OutboxNotices } from './outbox-notices';
import { isOverdue, slaMinutes, type SlaMinutes } from './sla';

export interface AlarmCardProps {
  readonly alarm: ViewedAlarm;
  readonly departments: readonly string[];
  readonly areaName: string | null;
  readonly language: Language;
  readonly timeZone: string | undefined;
  readonly sla: SlaMinutes;
  readonly onShowOnMap?: (alarm: ViewedAlarm) => void;
}

export function AlarmCard({
  alarm,
  departments,
  areaName,
  language,
  timeZone,
  sla,
  onShowOnMap,
}: AlarmCardProps) {
  const { t } = useTranslation();
  const desk = useAlarmDesk();
  const now = useDisplayNow();
  const { replay } = useDisplayTime();
  const formId = useId();
  const [department, setDepartment] = useState(alarm.lifecycle.department ?? alarm.department);
  const [assignee, setAssignee] = useState('');
  const [note, setNote] = useState('');
  const { lifecycle } = alarm;
  const owner = lifecycle.department ?? alarm.department;
  const minutes = slaMinutes(sla, owner);
  const overdue =
    isActive(alarm) &&
    alarm.status === 'open' &&
    isOverdue(sla, owner, Date.parse(alarm.raisedAt), now);
  const pending = new Set(alarm.pendingActionIds);
  const formatTime = (iso: string) => formatClock(Date.parse(iso), language, timeZone);
  const act = (action: AlarmActionKind) => {
    if (action === 'dispatch') {
      desk.act(alarm, 'dispatch', {
        department,
        ...(assignee.trim() ? { assignee: assignee.trim() } : {}),
      });
      setAssignee('');
    } else {
      desk.act(alarm, action);
    }
  };
  const moves = allowedActions(lifecycle.step).filter((action) => action !== 'note');

  return (
    <article
      className={`alarm-card alarm-card--sev${alarm.severity}`}
      data-testid="alarm-card"
      data-alarm-id={alarm.id}
      data-step={lifecycle.step}
    >
      <header className="alarm-card__header">
        <span className={`severity-badge severity-badge--${alarm.severity}`}>
          {severityName(t, alarm.severity)}
        </span>
        <h3 className="alarm-card__title">{localizedName(alarm.title, language)}</h3>
      </header>
      <dl className="details-panel__rows">
        <dt>{t('alarms.inStep')}</dt>
        <dd data-testid="alarm-step">
          {stepName(t, lifecycle.step)} · {formatDuration(now - Date.parse(lifecycle.stepSince), t)}
          {alarm.status === 'cleared' ? ` · ${t('alarms.cleared')}` : ''}
        </dd>
        <dt>{t('alarms.raised')}</dt>
        <dd>
          {formatTime(alarm.raisedAt)} · {formatDuration(now - Date.parse(alarm.raisedAt), t)}{' '}
          <span
            className={overdue ? 'alarm-card__overdue' : 'alarm-card__sla'}
            data-testid="alarm-sla"
            data-overdue={overdue}
          >
            ({t('alarms.sla', { minutes })}
            {overdue ? ` · ${t('alarms.overdue')}` : ''})
          </span>
        </dd>
        <dt>{t('alarms.department')}</dt>
        <dd>{departmentName(t, alarm.department)}</dd>
        {lifecycle.department ? (
          <>
            <dt>{t('alarms.dispatchedTo')}</dt>
            <dd data-testid="alarm-dispatched-to">
              {departmentName(t, lifecycle.department)}
              {lifecycle.assignee ? ` · ${lifecycle.assignee}` : ''}
            </dd>
          </>
        ) : null}
        {areaName ? (
          <>
            <dt>{t('alarms.area')}</dt>
            <dd>{areaName}</dd>
          </>
        ) : null}
        {alarm.value !== null ? (
          <>
            <dt>{t('alarms.value')}</dt>
            <dd>
              {alarm.value} {alarm.unit}
            </dd>
          </>
        ) : null}
      </dl>

      <OutboxNotices alarmId={alarm.id} />

      {replay ? (
        <p className="alarm-card__replay" data-testid="alarm-replay-note">
          {t('alarms.replayReadOnly')}
        </p>
      ) : (
      <div className="alarm-card__actions" role="group" aria-label={t('alarms.actionsLabel')}>
        {moves.includes('dispatch') ? (
          <div className="alarm-card__dispatch">
            <label htmlFor={`${formId}-department`}>{t('alarms.dispatchTo')}</label>
            <select
              id={`${formId}-department`}
              className="select"
              value={department}
              onChange={(event) => setDepartment(event.target.value)}
              data-testid="dispatch-department"
            >
              {departments.map((id) => (
                <option key={id} value={id}>
                  {departmentName(t, id)}
                </option>
              ))}
            </select>
            <input
              className="input"
              aria-label={t('alarms.assignee')}
              placeholder={t('alarms.assignee')}
              maxLength={MAX_ASSIGNEE}
              value={assignee}
              onChange={(event) => setAssignee(event.target.value)}
              data-testid="dispatch-assignee"
            />
          </div>
        ) : null}
        <div className="alarm-card__buttons">
          {moves.map((action) => (
            <button
              key={action}
              type="button"
              className="button"
              onClick={() => act(action)}
              data-testid={`alarm-action-${action}`}
            >
              {actionName(t, action)}
            </button>
          ))}
          {onShowOnMap ? (
            <button
              type="button"
              className="button button--quiet"
              onClick={() => onShowOnMap(alarm)}
            >
              {t('alarms.openOnMap')}
            </button>
          ) : null}
        </div>
        <form
          className="alarm-card__note"
          onSubmit={(event) => {
            event.preventDefault();
            if (!note.trim()) return;
            desk.act(alarm, 'note', { note: note.trim() });
            setNote('');
          }}
        >
          <textarea
            className="input"
            aria-label={t('alarms.note')}
            placeholder={t('alarms.notePlaceholder')}
            maxLength={MAX_NOTE}
            rows={2}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            data-testid="alarm-note"
          />
          <button
            type="submit"
            className="button"
            disabled={!note.trim()}
            data-testid="alarm-action-note"
          >
            {t('alarms.addNote')}
          </button>
        </form>
      </div>
      )}

      <h4 className="alarm-card__subtitle">{t('alarms.history')}</h4>
      {lifecycle.history.length === 0 ? (
        <p className="details-panel__gone">{t('alarms.noHistory')}</p>
      ) : (
        <ol className="alarm-history" data-testid="alarm-history">
          {lifecycle.history.map((entry) => (
            <li
              key={entry.actionId}
              className={
                pending.has(entry.actionId)
                  ? 'alarm-history__entry alarm-history__entry--pending'
                  : 'alarm-history__entry'
              }
              data-testid="alarm-history-entry"
              data-action={entry.action}
              data-pending={pending.has(entry.actionId)}
            >
              <time dateTime={entry.at}>{formatTime(entry.at)}</time>{' '}
              <strong>{actionName(t, entry.action)}</strong>
              {entry.action !== 'note' ? ` → ${stepName(t, entry.step)}` : ''}
              {entry.department ? ` · ${departmentName(t, entry.department)}` : ''}
              {entry.assignee ? ` · ${entry.assignee}` : ''}
              {entry.operator ? ` · ${entry.operator}` : ''}
              {entry.note ? <q className="alarm-history__note">{entry.note}</q> : null}
              {pending.has(entry.actionId) ? (
                <span className="alarm-history__pending" title={t('alarms.pendingTitle')}>
                  {' '}
                  · {t('alarms.pending')}
                </span>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}
