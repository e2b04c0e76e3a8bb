/**
 * A small trend line. Its drawing (uPlot) is a chunk of its own, loaded with the first trend
 * shown, so the page's start does not wait for it: until it is there, an empty box of the line's
 * size holds its place (nothing beside it moves); if it cannot be loaded, the box says so.
 */
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from './error-text';
import { onDemand } from './on-demand';
import type { SparklineProps } from './uplot-sparkline';

export type { SparklineProps };

const UplotSparkline = onDemand(
  () => import('./uplot-sparkline').then((module) => module.UplotSparkline),
  (error, props) => <SparklineNotLoaded {...props} error={error} />,
);

export function Sparkline(props: SparklineProps) {
  const { width, height, label } = props;
  return (
    <Suspense
      fallback={
        <div className="sparkline" style={{ width, height }} role="img" aria-label={label} />
      }
    >
      <UplotSparkline {...props} />
    </Suspense>
  );
}

function SparklineNotLoaded({ width, height, error }: SparklineProps & { error: unknown }) {
  const { t } = useTranslation();
  return (
    <div
      className="sparkline sparkline--failed"
      style={{ width, height }}
      role="img"
      aria-label={t('errors.trendNotLoaded')}
      title={errorText(error)}
    >
      {t('errors.trendNotLoaded')}
    </div>
  );
}
