/** Reading display text out of feature properties (names are `{ zh, en }` objects). */
import type { Feature, FeatureProperties } from '../data/schemas';
import type { Language } from './layer-contract';

type PropertyValue = FeatureProperties[string];

export function localized(value: PropertyValue | undefined, language: Language): string | null {
  if (value && typeof value === 'object') return language === 'zh-CN' ? value.zh : value.en;
  if (typeof value === 'string') return value;
  return null;
}

export function featureName(feature: Feature, language: Language): string {
  return localized(feature.properties.name, language) ?? feature.id;
}

export function stringProperty(feature: Feature, key: string): string | null {
  return asString(feature.properties[key]);
}

export function numberProperty(feature: Feature, key: string): number | null {
  const value = feature.properties[key];
  return typeof value === 'number' ? value : null;
}

/** A property value (from a feature or a table) when it is a string. */
export function asString(value: PropertyValue | undefined): string | null {
  return typeof value === 'string' ? value : null;
}
