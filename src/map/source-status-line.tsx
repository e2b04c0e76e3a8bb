import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isStale, type LayerStatus } from './layer-sources';
import type { StatusCounts } from './status-counts';
import { StatusText } from '../ui/status-text';
import { useDisplayNow, useDisplayTime } from '../ui/display-time';
import { formatAge, formatDuration } from '../ui/format-age';
import { formatNumber } from '../ui/format-number';
import type { AppLanguage } from '../i18n';

/**
 * A source's status line (a layer's, the alarm list's): loading / live with its age / stale /
 * error (with the age of the data still shown).
 */
export interface SourceStatusLineProps {
  status: LayerStatus;
  visible: boolean;
  /** Features in warning and alarm, when the layer has data. */
  counts: StatusCounts | null;
  testId?: string;
}

export function SourceStatusLine({
  status,
  visible,
  counts,
  testId = 'layer-status',
}: SourceStatusLineProps) {
  const { t, i18n } = useTranslation();
  // The line keeps its own clock (the age counts up): what holds it need not re-render with it.
  const now = useDisplayNow();
  const language = i18n.language as AppLanguage;
  const age = status.observedAt !== null ? formatAge(now - status.observedAt, t) : null;
  const { rate, replay } = useDisplayTime();
  const stale = isStale(status, now, rate, replay);
  let text: string;
  if (status.phase === 'unavailable') text = t('status.notInCatalog');
  else if (status.phase === 'error')
    text = `${age ? t('status.errorKeptData', { message: status.error ?? '', age }) : t('status.error', { message: status.error ?? '' })} · ${t('status.retrying')}`;
  else if (!visible) text = t('status.hidden');
  else if (status.phase === 'loading') text = t('status.loading');
  else if (stale) text = t('status.stale', { age: age ?? '' });
  else if (replay) text = replayText(t, status, now);
  else text = t('status.live', { age: age ?? '' });
  // A source naming features the map does not have is worth knowing, but the rest still shows.
  const unknownIds = status.unknownIds ?? 0;
  if (visible && status.phase !== 'unavailable' && unknownIds > 0)
    text = `${text} · ${t('status.unknownIds', { count: unknownIds })}`;
  if (visible && status.liveFeedProblem)
    text = `${text} · ${t('status.liveFeedDown', { message: status.liveFeedProblem })}`;
  // A tiled layer has only the tiles in view: its counts are of those, not of the whole city.
  if (visible && status.tiled && status.phase !== 'unavailable')
    text = `${text} · ${t('status.tilesInView')}`;
  const { truncated } = status;
  if (visible && truncated)
    text = `${text} · ${
      truncated.matched === null
        ? t('status.truncated', { loaded: formatNumber(truncated.loaded, language) })
        : t('status.truncatedOf', {
            loaded: formatNumber(truncated.loaded, language),
            matched: formatNumber(truncated.matched, language),
          })
    }`;
  const tone = !visible
    ? 'hidden'
    : status.phase === 'error'
      ? 'error'
      : stale
        ? 'stale'
        : status.phase;
  return (
    <div
      className={`layer-status layer-status--${tone}`}
      data-testid={testId}
      data-phase={status.phase}
      data-stale={stale}
      data-observed-at={status.observedAt ?? ''}
      data-unknown-ids={status.unknownIds ?? 0}
    >
      {text}
      {visible && counts ? <Counts counts={counts} /> : null}
    </div>
  );
}

/** Replayed data is read at whole minutes: within one, it is the cursor's. */
function replayText(t: TFunction, status: LayerStatus, cursor: number): string {
  const behind = status.observedAt === null ? 0 : cursor - status.observedAt;
  return behind < 60_000
    ? t('status.replayNow')
    : t('status.replay', { age: formatDuration(behind, t) });
}

function Counts({ counts }: { counts: StatusCounts }) {
  const { t } = useTranslation();
  return (
    <>
      {counts.alarm > 0 ? (
        <span
          className="layer-status__count"
          data-testid="layer-alarm-count"
          data-count={counts.alarm}
        >
          {' · '}
          <StatusText level="alarm">{t('counts.alarm', { count: counts.alarm })}</StatusText>
        </span>
      ) : null}
      {counts.warning > 0 ? (
        <span
          className="layer-status__count"
          data-testid="layer-warning-count"
          data-count={counts.warning}
        >
          {' · '}
          <StatusText level="warning">{t('counts.warning', { count: counts.warning })}</StatusText>
        </span>
      ) : null}
    </>
  );
}
