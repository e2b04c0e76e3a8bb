/**
 * Every source at a glance: how many are live, stale or failing, and on demand the status line of
 * each, so an operator sees an outage before a layer's silence misleads anyone.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isStale, type LayerStatus } from '../../map/layer-sources';
import { SourceStatusLine } from '../../map/source-status-line';
import { useDisplayNow, useDisplayTime } from '../../ui/display-time';

export interface HealthEntry {
  readonly id: string;
  readonly title: string;
  readonly status: LayerStatus;
}

export function healthCounts(
  entries: readonly HealthEntry[],
  now: number,
  rate: number,
  replay = false,
) {
  let live = 0;
  let stale = 0;
  let failing = 0;
  for (const { status } of entries) {
    if (status.phase === 'error') failing += 1;
    else if (isStale(status, now, rate, replay)) stale += 1;
    else if (status.phase === 'live') live += 1;
  }
  return { live, stale, failing };
}

export function DataHealth({ entries }: { entries: readonly HealthEntry[] }) {
  const { t } = useTranslation();
  const now = useDisplayNow();
  const { rate, replay } = useDisplayTime();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const counts = healthCounts(entries, now, rate, replay);
  const tone = counts.failing > 0 ? 'error' : counts.stale > 0 ? 'stale' : 'live';
  return (
    <div className="data-health">
      <button
        type="button"
        className={`button data-health__summary data-health__summary--${tone}`}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        data-testid="data-health"
        data-failing={counts.failing}
        data-stale={counts.stale}
      >
        {t('health.summary', counts)}
      </button>
      {open ? (
        <section
          id={panelId}
          className="panel data-health__panel"
          aria-label={t('health.title')}
          data-testid="data-health-panel"
        >
          <h2 className="panel__title">{t('health.title')}</h2>
          <dl className="data-health__list">
            {entries.map((entry) => (
              <div key={entry.id} className="data-health__entry">
                <dt>{entry.title}</dt>
                <dd>
                  <SourceStatusLine
                    status={entry.status}
                    visible
                    counts={null}
                    testId="data-health-status"
                  />
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
    </div>
  );
}
