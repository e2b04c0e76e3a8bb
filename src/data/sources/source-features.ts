/**
 * A source's features as the layers expect them: the id taken from where the config says, the
 * source's property names mapped onto the layer's (`fields`), then checked against the contract's
 * feature schema. A mapping that names a property the source does not have is reported as such
 * (which key, which property, what the source has), not as features missing their values.
 */
import { z } from 'zod';
import { AdapterError } from '../errors';
import { summarizeIssues } from '../http-client';
import { featureSchema, type Feature, type FeatureProperties } from '../schemas';

/** A GeoJSON feature as a server sends it: only the envelope is checked here. */
export const sourceFeatureSchema = z.object({
  type: z.literal('Feature'),
  id: z.union([z.string(), z.number()]).nullish(),
  geometry: z.unknown(),
  properties: z.record(z.string(), z.unknown()).nullish(),
});
export type SourceFeature = z.infer<typeof sourceFeatureSchema>;

export interface FeatureMapping {
  /** The source property holding the id; omitted, the feature's own `id`. */
  readonly idProperty?: string | undefined;
  /** Layer property (or `name.zh` / `name.en`) ← source property. */
  readonly fields: Readonly<Record<string, string>>;
}

type NameLanguage = 'zh' | 'en';

/**
 * Before any feature is mapped: every mapped property (and the id property) must be present on
 * at least one of the features, else the mapping is wrong, and the error says how.
 */
export function checkMapping(
  features: readonly SourceFeature[],
  mapping: FeatureMapping,
  resource: string,
): void {
  if (features.length === 0) return;
  const present = new Set<string>();
  for (const feature of features)
    for (const key of Object.keys(feature.properties ?? {})) present.add(key);
  const has = [...present].sort().slice(0, 20).join(', ') || 'no properties';
  const missing = (property: string) => !present.has(property);
  if (mapping.idProperty !== undefined && missing(mapping.idProperty))
    throw mappingError(
      resource,
      `idProperty: the source has no property "${mapping.idProperty}" (it has: ${has})`,
    );
  if (mapping.idProperty === undefined && features.every((feature) => feature.id == null))
    throw mappingError(
      resource,
      'idProperty: the features have no id; name the property that holds it',
    );
  for (const [target, property] of Object.entries(mapping.fields)) {
    if (missing(property))
      throw mappingError(
        resource,
        `fields.${target}: the source has no property "${property}" (it has: ${has})`,
      );
  }
}

function mappingError(resource: string, problem: string): AdapterError {
  return new AdapterError('invalid-response', `${resource}: ${problem}`, { resource });
}

/** The features in the layer's terms, each checked against the contract. */
export function mapFeatures(
  features: readonly SourceFeature[],
  mapping: FeatureMapping,
  resource: string,
): Feature[] {
  return features.map((feature, index) => {
    const properties = feature.properties ?? {};
    const id = mapping.idProperty === undefined ? feature.id : properties[mapping.idProperty];
    const parsed = featureSchema.safeParse({
      type: 'Feature',
      id: id === null || id === undefined || id === '' ? undefined : id,
      geometry: feature.geometry,
      properties: mapProperties(properties, mapping.fields),
    });
    if (parsed.success) return parsed.data;
    throw new AdapterError(
      'invalid-response',
      `${resource}: feature ${index}: ${summarizeIssues(parsed.error)}`,
      { resource },
    );
  });
}

type Scalar = string | number | boolean | null;

function isScalar(value: unknown): value is Scalar {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

/**
 * Unmapped scalars keep their names; mapped ones take the layer's. An empty text in a mapped
 * field is a missing value (MapServer sends "" for a property a feature does not have). A name
 * given in one language only is shown in both.
 */
export function mapProperties(
  source: Readonly<Record<string, unknown>>,
  fields: Readonly<Record<string, string>>,
): FeatureProperties {
  const mapped = new Set(Object.values(fields));
  const out: FeatureProperties = {};
  for (const [key, value] of Object.entries(source))
    if (!mapped.has(key) && isScalar(value)) out[key] = value;
  const names: Record<string, Partial<Record<NameLanguage, string>>> = {};
  for (const [target, property] of Object.entries(fields)) {
    const raw = source[property];
    const value = raw === '' || !isScalar(raw) ? null : raw;
    const [name, language] = target.split('.') as [string, NameLanguage | undefined];
    if (language === undefined) out[name] = value;
    else if (value !== null) (names[name] ??= {})[language] = String(value);
  }
  for (const [name, texts] of Object.entries(names)) {
    const either = texts.zh ?? texts.en ?? '';
    out[name] = { zh: texts.zh ?? either, en: texts.en ?? either };
  }
  return out;
}
