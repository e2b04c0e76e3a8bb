import { useTranslation } from 'react-i18next';
import { isStale, type LayerStatus } from '../../map/layer-sources';
import { formatAge } from '../../ui/format-age';

/** loading / live with its age / stale / error (with the age of the data still shown). */
export function LayerStatusLine({ status, visible, now }: { status: LayerStatus; visible: boolean; now: number }) {
  const { t } = useTranslation();
  const age = status.observedAt !== null ? formatAge(now - status.observedAt, t) : null;
  const stale = isStale(status, now);
  let text: string;
  if (status.phase === 'unavailable') text = t('status.notInCatalog');
  else if (status.phase === 'error')
    text = `${age ? t('status.errorKeptData', { message: status.error ?? '', age }) : t('status.error', { message: status.error ?? '' })} · ${t('status.retrying')}`;
  else if (!visible) text = t('status.hidden');
  else if (status.phase === 'loading') text = t('status.loading');
  else if (stale) text = t('status.stale', { age: age ?? '' });
  else text = t('status.live', { age: age ?? '' });
  const tone = !visible ? 'hidden' : status.phase === 'error' ? 'error' : stale ? 'stale' : status.phase;
  return (
    <div className={`layer-status layer-status--${tone}`} data-testid="layer-status" data-phase={status.phase} data-stale={stale}>
      {text}
    </div>
  );
}
