import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppLanguage } from '../../i18n';
import { formatNumber } from '../../ui/format-number';
import type { LiveFeed } from '../live/live-feed';

/** Whether live state is pushed (and how much of it) or polled, in the top bar. */
export function LiveFeedBadge({ feed }: { feed: LiveFeed }) {
  const { t, i18n } = useTranslation();
  const state = useSyncExternalStore(feed.subscribe, feed.get);
  if (state.kind === 'off') return null;
  const rate = formatNumber(state.observationsPerS, i18n.language as AppLanguage);
  const dropped = state.droppedEvents > 0;
  const text =
    state.kind === 'open'
      ? dropped
        ? t('feed.openDropped', { rate, count: state.droppedEvents })
        : t('feed.open', { rate })
      : state.kind === 'connecting'
        ? t('feed.connecting')
        : state.kind === 'down'
          ? t('feed.down')
          : t('feed.unavailable');
  return (
    <span
      className={`live-feed live-feed--${state.kind}${dropped ? ' live-feed--dropped' : ''}`}
      role="status"
      title={state.message ?? state.lastProblem ?? undefined}
      data-testid="live-feed"
      data-state={state.kind}
      data-observations-per-s={state.observationsPerS}
      data-dropped-events={state.droppedEvents}
    >
      {text}
    </span>
  );
}
