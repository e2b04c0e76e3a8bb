import { useTranslation } from 'react-i18next';
import { currentLanguage, LANGUAGES } from '../i18n';

/** zh-CN / en; i18next's detector remembers the choice in localStorage. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const active = currentLanguage(i18n);
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className={language === active ? 'language-switch__option is-active' : 'language-switch__option'}
          aria-pressed={language === active}
          onClick={() => void i18n.changeLanguage(language)}
          data-testid={`language-${language}`}
        >
          {t(`language.${language}`)}
        </button>
      ))}
    </div>
  );
}
