import { useTranslation } from 'react-i18next';

/** A clear, contained error: what failed, the details, and a way to try again. */
export function ErrorNotice({ title, details, onRetry }: { title: string; details: readonly string[]; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="error-notice" role="alert" data-testid="error-notice">
      <strong className="error-notice__title">{title}</strong>
      <ul className="error-notice__details">
        {details.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          {t('errors.retry')}
        </button>
      ) : null}
    </div>
  );
}
