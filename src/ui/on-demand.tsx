/**
 * Parts of the page that come in chunks of their own, loaded when first shown (`React.lazy`), so
 * that the page starts with less JavaScript. Render one inside `<Suspense>` with a placeholder
 * that holds its place while it loads. If its chunk cannot be loaded (the network, or a new
 * release that replaced the files), `failed` is shown in its place instead of nothing. Errors of
 * the part itself, once loaded, are not caught here: they stay the part's own.
 */
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from './error-notice';
import { errorText } from './error-text';

export function onDemand<P extends object>(
  load: () => Promise<ComponentType<P>>,
  failed: (error: unknown, props: P) => ReactNode,
): LazyExoticComponent<ComponentType<P>> {
  return lazy(async () => {
    try {
      return { default: await load() };
    } catch (error) {
      console.error(error);
      return { default: (props: P) => failed(error, props) };
    }
  });
}

/**
 * A part that could not be loaded: which, why, and a reload to try again (a browser may keep a
 * failed import for the page's lifetime; a reload always fetches anew).
 */
export function PartNotLoaded({ part, error }: { part: string; error: unknown }) {
  const { t } = useTranslation();
  return (
    <ErrorNotice
      title={t('errors.partNotLoaded', { part })}
      details={[errorText(error)]}
      onRetry={() => window.location.reload()}
    />
  );
}
