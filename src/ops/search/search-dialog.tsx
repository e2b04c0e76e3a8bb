/**
 * Search (Ctrl/Cmd+K): layers, areas, alarms and features by name or id, over what the page has
 * loaded (so it works offline). Arrow keys move through the results; Enter takes the operator
 * there; Escape closes.
 */
import { useDeferredValue, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rankEntries } from './rank';
import type { SearchEntry, SearchTarget } from './search-entries';

export interface SearchDialogProps {
  /** Built lazily: only while the dialog is open. */
  readonly entries: () => readonly SearchEntry[];
  readonly onPick: (target: SearchTarget) => void;
  readonly onClose: () => void;
}

export function SearchDialog({ entries, onPick, onClose }: SearchDialogProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const [active, setActive] = useState(0);
  const [all] = useState(entries);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const results = rankEntries(all, deferred);
  const current = results[Math.min(active, results.length - 1)];

  useEffect(() => input.current?.focus(), []);

  const pick = (entry: SearchEntry | undefined) => {
    if (!entry) return;
    onPick(entry.target);
    onClose();
  };

  return (
    <div
      className="search-backdrop"
      onMouseDown={(event) => event.target === event.currentTarget && onClose()}
    >
      <div
        className="search-dialog"
        role="dialog"
        aria-modal="true"
        aria-label={t('search.title')}
        data-testid="search-dialog"
      >
        <input
          ref={input}
          className="input search-dialog__input"
          type="search"
          role="combobox"
          aria-expanded={results.length > 0}
          aria-controls={listId}
          aria-activedescendant={current ? `${listId}-${current.key}` : undefined}
          aria-label={t('search.title')}
          placeholder={t('search.placeholder')}
          value={query}
          maxLength={200}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') {
              event.preventDefault();
              setActive((index) => Math.min(results.length - 1, index + 1));
            } else if (event.key === 'ArrowUp') {
              event.preventDefault();
              setActive((index) => Math.max(0, index - 1));
            } else if (event.key === 'Enter') {
              event.preventDefault();
              pick(current);
            } else if (event.key === 'Escape') {
              event.preventDefault();
              onClose();
            }
          }}
          data-testid="search-input"
        />
        <ul
          id={listId}
          className="search-dialog__results"
          role="listbox"
          aria-label={t('search.results')}
        >
          {results.map((entry) => (
            <li
              key={entry.key}
              id={`${listId}-${entry.key}`}
              role="option"
              aria-selected={entry === current}
              className={entry === current ? 'search-result is-active' : 'search-result'}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick(entry)}
              data-testid="search-result"
              data-target={entry.target.kind}
            >
              <span className="search-result__label">{entry.label}</span>
              <span className="search-result__context">{entry.context}</span>
            </li>
          ))}
        </ul>
        {deferred.trim() && results.length === 0 ? (
          <p className="search-dialog__empty">{t('search.none')}</p>
        ) : null}
        <p className="search-dialog__hint">{t('search.hint')}</p>
      </div>
    </div>
  );
}

/** Opens on Ctrl+K / Cmd+K anywhere on the page. */
export function useSearchShortcut(open: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        open();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
}
