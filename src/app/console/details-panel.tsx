/**
 * The details of the selected feature (attributes and live values, refreshed in place) and of
 * the alarms on it or in focus, which the app passes in as `alarms`.
 */
import type { ReactNode } from 'react';
import type { DataAdapter } from '../../data/adapter';
import { useTranslation } from 'react-i18next';
import { findFeature } from '../../map/compose-layers';
import type { Language, Translate } from '../../map/layer-contract';
import type { LayerSource } from '../../map/layer-sources';
import { useFreshAttributes } from './fresh-attributes';
import { useUiStore, type FeatureRef } from '../../map/store';
import { formatAge } from '../../ui/format-age';
import { StatusText } from '../../ui/status-text';
import { useDisplayNow } from '../../ui/display-time';

export interface DetailsPanelProps {
  /** Where a feature's attributes are read fresh from, where its source can (`featureById`). */
  adapter: DataAdapter;
  sources: readonly LayerSource[];
  language: Language;
  translatorFor: (domain: string) => Translate;
  /** The alarm section, or null when no alarm is on the selected feature or in focus. */
  alarms: ReactNode;
  onClose: () => void;
}

export function DetailsPanel({
  adapter,
  sources,
  language,
  translatorFor,
  alarms,
  onClose,
}: DetailsPanelProps) {
  const { t } = useTranslation();
  const selection = useUiStore((state) => state.selection);
  if (!selection && !alarms) return null;
  return (
    <aside
      className="panel details-panel"
      aria-label={t('details.title')}
      data-testid="details-panel"
    >
      {selection ? (
        <FeatureDetails
          adapter={adapter}
          sources={sources}
          language={language}
          translatorFor={translatorFor}
          selection={selection}
          onClose={onClose}
        />
      ) : (
        <header className="details-panel__header">
          <h2 className="panel__title">{t('details.title')}</h2>
          <CloseButton onClose={onClose} />
        </header>
      )}
      {alarms}
    </aside>
  );
}

function CloseButton({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="icon-button" onClick={onClose} aria-label={t('details.close')}>
      ×
    </button>
  );
}

function FeatureDetails({
  adapter,
  sources,
  language,
  translatorFor,
  selection,
  onClose,
}: Omit<DetailsPanelProps, 'alarms'> & { selection: FeatureRef }) {
  const { t } = useTranslation();
  const now = useDisplayNow();
  const found = findFeature(sources, selection);
  const layerSource = sources.find((source) => source.layer.id === selection.layerId);
  const domainT = layerSource ? translatorFor(layerSource.layer.domain) : null;
  const item = useFreshAttributes(adapter, found?.source.dataset?.id ?? null, selection.featureId);
  const description =
    found && found.source.data && domainT
      ? found.source.layer.describe({
          feature: item.feature ?? found.feature,
          index: found.index,
          state: found.source.data.state,
          language,
          t: domainT,
        })
      : null;
  const observedAt = found?.source.status.observedAt ?? null;

  return (
    <>
      <header className="details-panel__header">
        <h2 className="panel__title" data-testid="details-title">
          {description?.title ?? selection.featureId}
        </h2>
        <CloseButton onClose={onClose} />
      </header>
      {description ? (
        <dl className="details-panel__rows">
          {description.rows.some((row) => row.label === description.primary.label) ? null : (
            <Row label={description.primary.label} testId="details-primary">
              <StatusText level={description.primary.level}>{description.primary.value}</StatusText>
            </Row>
          )}
          {description.rows.map((row) => (
            <Row
              key={row.label}
              label={row.label}
              testId={row.label === description.primary.label ? 'details-primary' : undefined}
            >
              <StatusText level={row.level}>{row.value}</StatusText>
            </Row>
          ))}
          <Row label={t('details.layer')}>
            {layerSource && domainT ? domainT(layerSource.layer.titleKey) : selection.layerId}
          </Row>
          <Row label={t('details.id')}>{selection.featureId}</Row>
          {item.status !== 'none' ? (
            <Row label={t('details.attributes')} testId="details-attributes">
              {item.status === 'failed' ? (
                <StatusText level="warning">
                  {t('details.attributesFailed', { message: item.error ?? '' })}
                </StatusText>
              ) : (
                t(
                  item.status === 'reading'
                    ? 'details.attributesReading'
                    : 'details.attributesFresh',
                )
              )}
            </Row>
          ) : null}
          {observedAt !== null ? (
            <Row label={t('details.observedAt')} testId="details-observed">
              {formatAge(now - observedAt, t)}
            </Row>
          ) : null}
        </dl>
      ) : (
        <p className="details-panel__gone">{t('details.gone')}</p>
      )}
    </>
  );
}

function Row({ label, testId, children }: { label: string; testId?: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </>
  );
}
