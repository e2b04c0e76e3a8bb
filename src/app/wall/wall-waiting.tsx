/**
 * The wall before it shows the city: while its code or its catalog loads, or what failed. Apart
 * from the wall's own chunk (src/app/wall/wall-mode.tsx, loaded on demand), because the page shows
 * it while that chunk loads.
 */
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PartNotLoaded } from '../../ui/on-demand';

/** `children`: what to say instead of "loading" (an error). */
export function WallWaiting({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const loading = children === undefined || children === null;
  return (
    <div className="wall wall--waiting" data-testid={loading ? 'loading' : undefined}>
      {loading ? t('app.loading') : children}
    </div>
  );
}

/**
 * The wall's code could not be loaded. Nobody stands at a wall to press Retry: like a stalled
 * wall, it reloads itself after the watchdog's time.
 */
export function WallNotLoaded({ error, reloadAfterS }: { error: unknown; reloadAfterS: number }) {
  const { t } = useTranslation();
  useEffect(() => {
    const timer = window.setTimeout(() => window.location.reload(), reloadAfterS * 1_000);
    return () => window.clearTimeout(timer);
  }, [reloadAfterS]);
  return (
    <WallWaiting>
      <PartNotLoaded part={t('wall.label')} error={error} />
    </WallWaiting>
  );
}
