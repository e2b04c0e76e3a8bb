import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DomainModule, Language, Translate } from '../map/layer-contract';
import { addNamespace, currentLanguage } from '../i18n';
import i18next, { type i18n as I18n } from 'i18next';

export const domainNamespace = (domainId: string) => `domain-${domainId}`;

/** Registers each domain's messages as its own namespace (idempotent). */
export function registerDomainMessages(domains: readonly DomainModule[]): void {
  for (const domain of domains) addNamespace(i18next, domainNamespace(domain.id), domain.messages);
}

const translators = new WeakMap<I18n, Map<string, Translate>>();

/** One translator per domain and language: a component given one can skip re-rendering. */
function domainTranslator(i18n: I18n, language: Language, domain: string): Translate {
  let made = translators.get(i18n);
  if (!made) {
    made = new Map();
    translators.set(i18n, made);
  }
  const key = `${language} ${domain}`;
  let translate = made.get(key);
  if (!translate) {
    const fixed = i18n.getFixedT(language, domainNamespace(domain));
    translate = (messageKey, vars) => fixed(messageKey, vars ?? {});
    made.set(key, translate);
  }
  return translate;
}

/** The current language and a translator per domain; both change when the language does. */
export function useDomainTranslators(): {
  language: Language;
  translatorFor: (domain: string) => Translate;
} {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const translatorFor = useMemo(
    () => (domain: string) => domainTranslator(i18n, language, domain),
    [i18n, language],
  );
  return { language, translatorFor };
}
