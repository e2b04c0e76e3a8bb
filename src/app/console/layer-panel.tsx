/** The layer panel: domains in order, each with its layers' toggle, opacity, status and legend. */
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DomainModule, LayerDefinition, Translate } from '../../map/layer-contract';
import type { LayerSource } from '../../map/layer-sources';
import { countStatuses } from '../../map/status-counts';
import { layerSetting, useUiStore } from '../../map/store';
import { SourceStatusLine } from '../../map/source-status-line';
import { Legend } from './legend';
import { LayerExport } from './layer-export';
import type { BBox } from '../../data/schemas';

export interface LayerPanelProps {
  domains: readonly DomainModule[];
  sources: readonly LayerSource[];
  translatorFor: (domain: string) => Translate;
  /** What the map shows now (read when a layer is saved: it holds the features in it). */
  viewBounds: () => BBox | null;
}

export function LayerPanel({ domains, sources, translatorFor, viewBounds }: LayerPanelProps) {
  const { t } = useTranslation();
  return (
    <nav className="panel layer-panel" aria-label={t('layers.title')} data-testid="layer-panel">
      <h2 className="panel__title">{t('layers.title')}</h2>
      {domains.map((domain) => (
        <DomainGroup
          key={domain.id}
          domain={domain}
          sources={sources.filter((source) => source.layer.domain === domain.id)}
          t={translatorFor(domain.id)}
          viewBounds={viewBounds}
        />
      ))}
    </nav>
  );
}

function DomainGroup({
  domain,
  sources,
  t,
  viewBounds,
}: {
  domain: DomainModule;
  sources: readonly LayerSource[];
  t: Translate;
  viewBounds: () => BBox | null;
}) {
  const { t: tc } = useTranslation();
  const settings = useUiStore((state) => state.layerSettings);
  const setLayersVisible = useUiStore((state) => state.setLayersVisible);
  const visibleCount = domain.layers.filter(
    (layer) => layerSetting(settings, layer).visible,
  ).length;
  const title = t(domain.titleKey);
  return (
    <section className="domain-group" data-testid={`domain-${domain.id}`}>
      <label className="domain-group__header">
        <input
          type="checkbox"
          checked={visibleCount === domain.layers.length}
          ref={(input) => {
            if (input)
              input.indeterminate = visibleCount > 0 && visibleCount < domain.layers.length;
          }}
          onChange={(event) => setLayersVisible(domain.layers, event.target.checked)}
          aria-label={tc('layers.allInDomain', { name: title })}
        />
        <span className="domain-group__title">{title}</span>
      </label>
      {sources.map((source) => (
        <LayerRow key={source.layer.id} source={source} t={t} viewBounds={viewBounds} />
      ))}
    </section>
  );
}

/**
 * One layer's row. It re-renders only when its own source, translator or setting changes: a
 * live update of another layer, or the clock its status line keeps, leaves it alone.
 */
const LayerRow = memo(function LayerRow({
  source,
  t,
  viewBounds,
}: {
  source: LayerSource;
  t: Translate;
  viewBounds: () => BBox | null;
}) {
  const { t: tc } = useTranslation();
  const layer: LayerDefinition = source.layer;
  const counts = useMemo(
    () => (source.data ? countStatuses(layer, source.data) : null),
    [layer, source.data],
  );
  const settings = useUiStore((state) => state.layerSettings);
  const setting = layerSetting(settings, layer);
  const setLayersVisible = useUiStore((state) => state.setLayersVisible);
  const setLayerOpacity = useUiStore((state) => state.setLayerOpacity);
  const title = t(layer.titleKey);
  return (
    <div className="layer-row" data-testid={`layer-${layer.id}`} data-visible={setting.visible}>
      <label className="layer-row__header">
        <input
          type="checkbox"
          checked={setting.visible}
          onChange={(event) => setLayersVisible([layer], event.target.checked)}
          aria-label={tc('layers.show', { name: title })}
        />
        <span className="layer-row__title">{title}</span>
      </label>
      <input
        className="layer-row__opacity"
        type="range"
        min={0}
        max={1}
        step={0.05}
        value={setting.opacity}
        disabled={!setting.visible}
        onChange={(event) => setLayerOpacity(layer, Number(event.target.value))}
        aria-label={tc('layers.opacity', { name: title })}
      />
      <SourceStatusLine status={source.status} visible={setting.visible} counts={counts} />
      {setting.visible ? <Legend entries={layer.legend} t={t} /> : null}
      {setting.visible && source.data ? (
        <LayerExport source={source} viewBounds={viewBounds} />
      ) : null}
    </div>
  );
});
