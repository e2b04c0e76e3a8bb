/** Actions the source refused: what was refused and why, until the operator dismisses it. */
import { useTranslation } from 'react-i18next';
import { useAlarmDesk } from './alarm-desk';
import { actionName } from './labels';

export function OutboxNotices({ alarmId }: { alarmId?: string }) {
  const { t } = useTranslation();
  const desk = useAlarmDesk();
  const notices = desk.outbox.notices.filter(
    (notice) => alarmId === undefined || notice.alarmId === alarmId,
  );
  if (notices.length === 0) return null;
  return (
    <ul className="outbox-notices">
      {notices.map((notice) => (
        <li
          key={notice.id}
          className="outbox-notice"
          role="alert"
          data-testid="outbox-notice"
          data-kind={notice.kind}
        >
          <span>
            <strong>{actionName(t, notice.action)}</strong>{' '}
            {t(notice.kind === 'conflict' ? 'alarms.conflict' : 'alarms.rejected', {
              message: notice.message,
            })}
          </span>
          <button
            type="button"
            className="link-button"
            onClick={() => desk.dismissNotice(notice.id)}
          >
            {t('alarms.dismiss')}
          </button>
        </li>
      ))}
    </ul>
  );
}
