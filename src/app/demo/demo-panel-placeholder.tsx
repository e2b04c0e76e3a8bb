/**
 * The demo panel's place while its code loads, or, if that failed, what failed. Apart from the
 * panel's own chunk (demo-panel.tsx, loaded on demand: a real city's console never needs it).
 */
import { useTranslation } from 'react-i18next';
import { PartNotLoaded } from '../../ui/on-demand';

/** Without `error`: loading. */
export function DemoPanelPlaceholder({ error }: { error?: unknown }) {
  const { t } = useTranslation();
  const loading = error === undefined;
  return (
    <section className="demo-panel" aria-label={t('demo.label')} aria-busy={loading}>
      {loading ? (
        <span className="demo-panel__label">{t('status.loading')}</span>
      ) : (
        <PartNotLoaded part={t('demo.label')} error={error} />
      )}
    </section>
  );
}
