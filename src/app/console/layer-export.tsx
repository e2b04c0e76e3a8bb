/** A layer's features in view, saved as CSV or GeoJSON with their live values. */
import { useTranslation } from 'react-i18next';
import type { BBox } from '../../data/schemas';
import { currentLanguage } from '../../i18n';
import type { LayerSource } from '../../map/layer-sources';
import { download, fileName } from '../../ops/export/download';
import { SaveError, useSaving } from '../../ops/export/use-saving';
import { useDisplayTime } from '../../ui/display-time';

export function LayerExport({
  source,
  viewBounds,
}: {
  source: LayerSource;
  /** What the map shows at the moment of saving. */
  viewBounds: () => BBox | null;
}) {
  const { t, i18n } = useTranslation();
  const time = useDisplayTime();
  const saving = useSaving();
  const data = source.data;
  if (!data) return null;
  const save = (format: 'csv' | 'geojson') =>
    saving.run(async () => {
      // The writers (and papaparse) are loaded with the first export, not with the page.
      const { featureRows, featuresInView, featuresToGeoJson, rowsToCsv } =
        await import('../../ops/export/feature-export');
      const features = data.geometry;
      const indexes = featuresInView(features, viewBounds());
      const name = fileName(source.layer.id, time.at(Date.now()), format);
      if (format === 'csv') {
        const csv = rowsToCsv(featureRows(features, indexes, data.state, currentLanguage(i18n)));
        // A byte-order mark: spreadsheet programs then read the Chinese names as UTF-8.
        download(name, new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' }));
      } else {
        const collection = featuresToGeoJson(features, indexes, data.state);
        download(name, new Blob([JSON.stringify(collection)], { type: 'application/geo+json' }));
      }
    });
  return (
    <div
      className="layer-export"
      role="group"
      aria-label={t('export.layer')}
      aria-busy={saving.busy}
    >
      <span className="layer-export__label">{t('export.inView')}</span>
      <button
        type="button"
        className="link-button"
        onClick={() => save('csv')}
        disabled={saving.busy}
        data-testid={`export-csv-${source.layer.id}`}
      >
        CSV
      </button>
      <button
        type="button"
        className="link-button"
        onClick={() => save('geojson')}
        disabled={saving.busy}
        data-testid={`export-geojson-${source.layer.id}`}
      >
        GeoJSON
      </button>
      <SaveError saving={saving} />
    </div>
  );
}
