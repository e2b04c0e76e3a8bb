/**
 * A strict stand-in for the app's i18next `t` on one domain namespace: nested keys separated by
 * dots, `{{name}}` interpolation. Unlike i18next it throws on a missing key or a missing
 * variable, so a test fails instead of showing the key.
 */
import type { DomainMessages, Language, Translate } from '../../../src/map/layer-contract';

export function lookupMessage(messages: Record<string, unknown>, key: string): unknown {
  let node: unknown = messages;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

export function strictTranslate(messages: DomainMessages, language: Language): Translate {
  return (key, vars = {}) => {
    const template = lookupMessage(messages[language], key);
    if (typeof template !== 'string') throw new Error(`missing ${language} message "${key}"`);
    return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
      const value = vars[name];
      if (value === undefined) throw new Error(`message "${key}" needs variable "${name}"`);
      return String(value);
    });
  };
}

/** Every leaf key, dotted, sorted. */
export function messageKeys(messages: Record<string, unknown>, prefix = ''): string[] {
  const keys: string[] = [];
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'object' && value !== null) {
      keys.push(...messageKeys(value as Record<string, unknown>, path));
    } else {
      keys.push(path);
    }
  }
  return keys.sort();
}
