import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DomainModule, Language, Translate } from '../map/layer-contract';
import { addNamespace, currentLanguage } from '../i18n';
import i18next from 'i18next';

export const domainNamespace = (domainId: string) => `domain-${domainId}`;

/** Registers each domain's messages as its own namespace (idempotent). */
export function registerDomainMessages(domains: readonly DomainModule[]): void {
  for (const domain of domains) addNamespace(i18next, domainNamespace(domain.id), domain.messages);
}

/** The current language and a translator per domain; both change when the language does. */
export function useDomainTranslators(): { language: Language; translatorFor: (domain: string) => Translate } {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const translatorFor = useMemo(
    () =>
      (domain: string): Translate => {
        const fixed = i18n.getFixedT(language, domainNamespace(domain));
        return (key, vars) => fixed(key, vars ?? {});
      },
    [i18n, language],
  );
  return { language, translatorFor };
}
