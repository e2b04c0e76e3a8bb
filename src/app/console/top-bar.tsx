import { useTranslation } from 'react-i18next';
import type { Catalog } from '../../data/schemas';
import type { Language } from '../../map/layer-contract';
import { LanguageSwitch } from '../../ui/language-switch';
import type { LiveFeed } from '../live/live-feed';
import { LiveFeedBadge } from './live-feed-badge';

export function TopBar({
  catalog,
  language,
  demo,
  feed,
}: {
  catalog: Catalog | null;
  language: Language;
  demo: boolean;
  feed: LiveFeed;
}) {
  const { t } = useTranslation();
  const cityName = catalog
    ? language === 'zh-CN'
      ? catalog.city.name.zh
      : catalog.city.name.en
    : null;
  return (
    <header className="top-bar">
      <h1 className="top-bar__title">{t('app.title')}</h1>
      {cityName ? (
        <span className="top-bar__city" data-testid="city-name">
          {cityName}
        </span>
      ) : null}
      {demo ? <span className="top-bar__badge">{t('app.demo')}</span> : null}
      <span className="top-bar__spacer" />
      <LiveFeedBadge feed={feed} />
      <LanguageSwitch />
    </header>
  );
}
