/**
 * What every domain module promises the map engine and the panels, checked the same way for each
 * domain: complete messages in both languages, layer ids and picking as the contract says,
 * stable data references, hidden layers kept in the list, and describe() texts a person can read.
 */
import { featureObjects } from '../../../src/data/feature-table';
import { describe, expect, it } from 'vitest';
import type { Layer } from '@deck.gl/core';
import type { DomainModule, FeatureDescription, LayerData } from '../../../src/map/layer-contract';
import { context, LANGUAGES } from './builders';
import { prop } from './deck-props';
import { lookupMessage, messageKeys, strictTranslate } from './translate';

const CONTRACT_ZOOMS = [10, 16];
const UNREADABLE = /NaN|undefined|null|\{\{|Infinity|\[object/;

export function descriptionTexts(description: FeatureDescription): string[] {
  return [
    description.title,
    description.primary.label,
    description.primary.value,
    ...description.rows.flatMap((row) => [row.label, row.value]),
  ];
}

export function expectReadable(description: FeatureDescription): void {
  for (const text of descriptionTexts(description)) {
    expect(text.trim()).not.toBe('');
    expect(text).not.toMatch(UNREADABLE);
  }
}

/** `samples` maps each layer definition id to data to render it with. */
export function checkDomainModule(domain: DomainModule, samples: Record<string, LayerData>): void {
  describe(`${domain.id} domain module`, () => {
    it('has the same message keys in zh-CN and en', () => {
      expect(messageKeys(domain.messages['zh-CN'])).toEqual(messageKeys(domain.messages.en));
    });

    it('has every title and legend label in both languages', () => {
      const keys = [
        domain.titleKey,
        ...domain.layers.flatMap((layer) => [
          layer.titleKey,
          ...layer.legend.map((entry) => entry.labelKey),
        ]),
        ...(domain.kpis ?? []).map((kpi) => kpi.labelKey),
      ];
      for (const language of LANGUAGES) {
        for (const key of keys)
          expect(typeof lookupMessage(domain.messages[language], key), `${language} ${key}`).toBe(
            'string',
          );
      }
    });

    it('has Chinese texts in zh-CN', () => {
      const title = lookupMessage(domain.messages['zh-CN'], domain.titleKey);
      expect(title).toMatch(/[\u4e00-\u9fff]/);
    });

    for (const definition of domain.layers) {
      describe(definition.id, () => {
        const data = (): LayerData => {
          const sample = samples[definition.id];
          if (!sample) throw new Error(`no sample data for ${definition.id}`);
          return sample;
        };

        it('belongs to the domain and draws its own dataset', () => {
          expect(definition.domain).toBe(domain.id);
          expect(definition.id.startsWith(`${domain.id}.`)).toBe(true);
          expect(definition.dataset).toMatch(/^[a-z-]+\.[a-z-]+$/);
        });

        // Zoomed out as over a whole city, and in as over one street: a layer may draw otherwise.
        it.each(CONTRACT_ZOOMS)(
          'names every deck layer after the definition, the main one exactly (zoom %s)',
          (zoom) => {
            const ids = definition.render(data(), context({ zoom })).map((layer) => layer.id);
            expect(ids).toContain(definition.id);
            for (const id of ids)
              expect(id === definition.id || id.startsWith(`${definition.id}-`)).toBe(true);
            expect(new Set(ids).size).toBe(ids.length);
          },
        );

        it.each(CONTRACT_ZOOMS)(
          'picks features only on the main layer, with hover highlight (zoom %s)',
          (zoom) => {
            for (const layer of definition.render(data(), context({ zoom }))) {
              const main = layer.id === definition.id;
              expect(layer.props.pickable, layer.id).toBe(main);
              if (main) expect(layer.props.autoHighlight).toBe(true);
            }
          },
        );

        it('hands deck.gl the same data on every render of a view (its buffers are kept)', () => {
          const first = definition.render(data(), context({ animationTime: 100 }));
          const second = definition.render(
            data(),
            context({ animationTime: 900, zoom: 16.5, language: 'zh-CN' }),
          );
          for (const layer of second) {
            const before = first.find((candidate) => candidate.id === layer.id);
            if (before) expect(layer.props.data, layer.id).toBe(before.props.data);
          }
        });

        it('passes opacity and visibility through, and keeps hidden layers in the list', () => {
          const shown = definition.render(data(), context({ opacity: 0.42 }));
          const main = shown.find((layer) => layer.id === definition.id) as Layer;
          expect(main.props.opacity).toBe(0.42);
          expect(main.props.visible).toBe(true);
          const hidden = definition.render(data(), context({ visible: false }));
          expect(hidden.map((layer) => layer.id)).toEqual(shown.map((layer) => layer.id));
          for (const layer of hidden) expect(layer.props.visible, layer.id).toBe(false);
        });

        it('is pure: the same input gives the same props', () => {
          const a = definition.render(data(), context());
          const b = definition.render(data(), context());
          const summary = (layers: Layer[]) =>
            layers.map((layer) => [
              layer.id,
              layer.props.visible,
              layer.props.opacity,
              prop(layer, 'radiusScale'),
            ]);
          expect(summary(a)).toEqual(summary(b));
        });

        it('describes every sample feature in both languages without unreadable values', () => {
          const { geometry, state } = data();
          for (const language of LANGUAGES) {
            const t = strictTranslate(domain.messages, language);
            featureObjects(geometry).forEach((feature, index) => {
              expectReadable(definition.describe({ feature, index, state, language, t }));
            });
          }
        });
      });
    }
  });
}
