/** Actions the source refused: what was refused and why, until the operator dismisses it. */
import { useTranslation } from 'react-i18next';
import { useAlarmDesk } from './alarm-desk';
import { actionName, stepName } from './labels';
import type { OutboxNotice } from './outbox';

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
            <strong>{actionName(t, notice.action)}</strong> <NoticeText notice={notice} />
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

/**
 * Why the action was refused, in the page's language where the page knows it (the step a
 * conflict left the alarm at), with the source's own words, which may be in another, after it.
 */
function NoticeText({ notice }: { notice: OutboxNotice }) {
  const { t } = useTranslation();
  if (notice.kind === 'rejected') return <>{t('alarms.rejected', { message: notice.message })}</>;
  return (
    <>
      {t('alarms.conflictAt', { step: stepName(t, notice.step) })}{' '}
      {t('alarms.sourceSaid', { message: notice.message })}
    </>
  );
}
