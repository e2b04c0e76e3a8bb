import { useTranslation } from 'react-i18next';
import type { ContextNoticeKind } from './context-recovery';

export interface MapContextNoticeProps {
  kind: ContextNoticeKind;
}

/**
 * Covers the map while its display is down. It also takes the pointer, so no hover or click
 * reaches a map whose WebGL context is gone (picking would read from a dead context); the panels
 * float above it and keep working.
 */
export function MapContextNotice({ kind }: MapContextNoticeProps) {
  const { t } = useTranslation();
  return (
    <div className="map-context-notice" data-testid="map-context-notice" data-kind={kind}>
      <div className="map-context-notice__message" role="alert">
        {kind === 'restoring' ? t('map.contextLost') : t('map.contextFailed')}
      </div>
    </div>
  );
}
