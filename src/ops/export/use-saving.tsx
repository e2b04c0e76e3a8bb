/**
 * Saving a file whose code is loaded on demand (the CSV writer, the picture's drawing: neither is
 * part of the page's start). While the code loads and the file is made, the buttons wait; what
 * fails (the code could not be loaded, the picture could not be made) is said beside them, and a
 * click tries again (a browser may keep a failed import until the page is reloaded).
 */
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../ui/error-text';

export interface Saving {
  readonly busy: boolean;
  readonly error: string | null;
  readonly run: (save: () => Promise<void>) => void;
  readonly dismiss: () => void;
}

export function useSaving(): Saving {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback((save: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    save().then(
      () => setBusy(false),
      (failure: unknown) => {
        console.error(failure);
        setError(errorText(failure));
        setBusy(false);
      },
    );
  }, []);
  const dismiss = useCallback(() => setError(null), []);
  return { busy, error, run, dismiss };
}

export function SaveError({ saving }: { saving: Saving }) {
  const { t } = useTranslation();
  if (!saving.error) return null;
  return (
    <span className="save-error" role="alert">
      {t('export.failed', { message: saving.error })}{' '}
      <button type="button" className="link-button" onClick={saving.dismiss}>
        {t('alarms.dismiss')}
      </button>
    </span>
  );
}
