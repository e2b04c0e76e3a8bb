/**
 * What the search finds: layers, areas, alarms and the features of the loaded layers, each with
 * the texts it is found by (its names in both languages and its id) and where it takes the
 * operator. Built from what the page already holds, so search works offline.
 */
import type { FeatureTable, PropertyValue } from '../../data/feature-table';
import type { BBox } from '../../data/schemas';
import type { Language } from '../../map/layer-contract';
import { featureBbox } from '../../map/feature-geometry';
import { localized } from '../../map/feature-text';
import type { Alarm } from '../../data/alarm-schemas';
import { localizedName } from '../alarms/labels';
import type { AreaNode } from '../areas/area-tree';

export type SearchTarget =
  | { readonly kind: 'layer'; readonly layerId: string }
  | { readonly kind: 'area'; readonly areaId: string; readonly bbox: BBox }
  | { readonly kind: 'alarm'; readonly alarmId: string }
  | { readonly kind: 'feature'; readonly layerId: string; readonly featureId: string; readonly bbox: BBox };

export interface SearchEntry {
  readonly key: string;
  /** Shown in the current language. */
  readonly label: string;
  /** What kind of thing it is and where (a layer's title, an area's level). */
  readonly context: string;
  /** Texts it is found by: names in both languages, the id. */
  readonly terms: readonly string[];
  readonly target: SearchTarget;
}

/** Names a feature carries (`name` in zh and en), and its id. */
export function featureTerms(id: string, name: PropertyValue | undefined): string[] {
  const terms = [id];
  if (typeof name === 'string') terms.push(name);
  else if (name && typeof name === 'object') terms.push(name.zh, name.en);
  return terms.filter(Boolean);
}

/** An entry per feature, from its id and name alone: the feature itself is not made. */
export function featureEntries(
  layerId: string,
  layerTitle: string,
  features: FeatureTable,
  language: Language,
): SearchEntry[] {
  return Array.from({ length: features.length }, (_, index) => {
    const id = features.id(index);
    const name = features.property(index, 'name');
    return {
      key: `feature:${layerId}:${id}`,
      label: localized(name, language) ?? id,
      context: layerTitle,
      terms: featureTerms(id, name),
      // The box is worked out when the entry is picked, not for every feature up front.
      target: {
        kind: 'feature',
        layerId,
        featureId: id,
        get bbox() {
          return featureBbox(features.feature(index));
        },
      },
    };
  });
}

type Translate = (key: string) => string;

export function layerEntries(
  layers: readonly { readonly id: string }[],
  layerTitle: (layerId: string) => string,
  t: Translate,
): SearchEntry[] {
  return layers.map((layer) => ({
    key: `layer:${layer.id}`,
    label: layerTitle(layer.id),
    context: t('search.kind.layer'),
    terms: [layerTitle(layer.id), layer.id],
    target: { kind: 'layer', layerId: layer.id },
  }));
}

export function areaEntries(
  areas: Iterable<Pick<AreaNode, 'id' | 'name' | 'bbox'>>,
  language: Language,
  t: Translate,
): SearchEntry[] {
  return [...areas].map((area) => ({
    key: `area:${area.id}`,
    label: localizedName(area.name, language),
    context: t('search.kind.area'),
    terms: [area.name.zh, area.name.en, area.id],
    target: { kind: 'area', areaId: area.id, bbox: area.bbox },
  }));
}

export function alarmEntries(
  alarms: readonly Pick<Alarm, 'id' | 'title' | 'areaId'>[],
  areaNames: ReadonlyMap<string, string>,
  language: Language,
  t: Translate,
): SearchEntry[] {
  return alarms.map((alarm) => ({
    key: `alarm:${alarm.id}`,
    label: localizedName(alarm.title, language),
    context: `${t('search.kind.alarm')} · ${alarm.areaId ? (areaNames.get(alarm.areaId) ?? '') : ''}`,
    terms: [alarm.title.zh, alarm.title.en, alarm.id],
    target: { kind: 'alarm', alarmId: alarm.id },
  }));
}
