import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../ui/error-notice';
import { errorText } from '../ui/error-text';
import { ConfigError } from './config/runtime-config';

/** Shown instead of the app when it cannot start (bad config, mock backend failed). */
export function StartupError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const details =
    error instanceof ConfigError ? [error.message, ...error.problems] : [errorText(error)];
  const title = error instanceof ConfigError ? t('errors.config') : t('errors.startup');
  return (
    <div className="console__center console__center--full">
      <ErrorNotice title={title} details={details} onRetry={() => window.location.reload()} />
    </div>
  );
}
