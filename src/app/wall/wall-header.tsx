/**
 * The wall's header: the city's name, the app's title, the data-health strip (the visible
 * layers' sources and the alarms') and the clock.
 */
import { useTranslation } from 'react-i18next';
import type { Language, LayerDefinition } from '../../map/layer-contract';
import type { LayerSource, LayerStatus } from '../../map/layer-sources';
import type { HealthEntry } from '../../ops/health/data-health';
import { HealthStrip } from '../../ops/wall/health-strip';
import { useDisplayNow } from '../../ui/display-time';
import { formatClock } from '../../ui/format-number';
import { useNow } from '../../ui/use-now';

export function WallHeader({
  cityName,
  language,
  timeZone,
  sources,
  isVisible,
  layerTitle,
  alarmsStatus,
}: {
  cityName: string;
  language: Language;
  timeZone?: string;
  sources: readonly LayerSource[];
  isVisible: (layer: LayerDefinition) => boolean;
  layerTitle: (layer: LayerDefinition) => string;
  alarmsStatus: LayerStatus;
}) {
  const { t } = useTranslation();
  const healthEntries: HealthEntry[] = [
    ...sources
      .filter((source) => isVisible(source.layer))
      .map((source) => ({
        id: source.layer.id,
        title: layerTitle(source.layer),
        status: source.status,
      })),
    { id: 'alarms', title: t('health.alarms'), status: alarmsStatus },
  ];
  return (
    <header className="wall__header">
      <h1 className="wall__city" data-testid="city-name">
        {cityName}
      </h1>
      <span className="wall__title">{t('app.title')}</span>
      <HealthStrip entries={healthEntries} language={language} timeZone={timeZone} />
      <WallClock language={language} timeZone={timeZone} />
    </header>
  );
}

function WallClock({ language, timeZone }: { language: Language; timeZone?: string }) {
  const now = useDisplayNow();
  useNow();
  return (
    <time className="wall__clock" dateTime={new Date(now).toISOString()} data-testid="wall-clock">
      {formatClock(now, language, timeZone)}
    </time>
  );
}
