/**
 * Shading the areas below the chosen one by a figure: the open alarms in each, or any KPI
 * computed over each area's features. A click on a shaded area drills into it.
 */
import type { Layer } from '@deck.gl/core';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Translate } from '../../map/layer-contract';
import type { InArea } from '../alarms/alarm-list';
import type { ViewedAlarm } from '../alarms/optimistic';
import { openAlarmsIn } from '../kpis/use-alarm-figure';
import type { KpiFigure } from '../kpis/use-kpi-figures';
import { AREA_CHOROPLETH_ID, areaChoroplethLayer, scaleTop } from './area-choropleth';
import type { AreaNode, AreaTree } from './area-tree';
import { featuresInArea } from './feature-areas';

/** Shading by open alarms (the others are by a KPI, named by its id). */
const ALARM_SHADING = 'alarms';
/** The congestion index and the like have their own range; counts and times scale to the largest. */
const INDEX_TOP = 10;

export interface AreaShading {
  readonly shading: string;
  readonly setShading: (id: string) => void;
  readonly options: readonly { readonly id: string; readonly label: string }[];
  readonly overlays: readonly Layer[];
  /** For the map's clicks on overlays: a shaded area chosen. */
  readonly onPickOverlay: (layerId: string, object: unknown) => void;
}

export function useAreaShading(input: {
  readonly tree: AreaTree | null;
  readonly selectedAreaId: string | null;
  readonly alarms: readonly ViewedAlarm[];
  readonly inArea: InArea;
  readonly figures: readonly KpiFigure[];
  readonly translatorFor: (domain: string) => Translate;
  readonly onChoose: (area: AreaNode) => void;
}): AreaShading {
  const { tree, selectedAreaId, alarms, inArea, figures, translatorFor, onChoose } = input;
  const { t } = useTranslation();
  const [shading, setShading] = useState('');
  const options = useMemo(
    () => [
      { id: ALARM_SHADING, label: t('areas.openAlarms') },
      ...figures.map((figure) => ({
        id: figure.kpi.id,
        label: translatorFor(figure.kpi.domain)(figure.kpi.labelKey),
      })),
    ],
    [figures, t, translatorFor],
  );
  const overlays = useMemo(() => {
    if (!shading || !tree) return [];
    const shaded = tree.children(selectedAreaId);
    if (shading === ALARM_SHADING) {
      const counts = new Map(
        shaded.map((area) => [area.id, openAlarmsIn(alarms, area.id, inArea).length]),
      );
      return [areaChoroplethLayer(shaded, counts, scaleTop(counts))];
    }
    const figure = figures.find((candidate) => candidate.kpi.id === shading);
    const data = figure?.data;
    if (!figure || !data) return [];
    const values = new Map(
      shaded.map((area) => [
        area.id,
        figure.kpi.value(data, featuresInArea(data.geometry, tree, area.id)),
      ]),
    );
    return [
      areaChoroplethLayer(
        shaded,
        values,
        figure.kpi.format === 'index' ? INDEX_TOP : scaleTop(values),
      ),
    ];
  }, [shading, tree, selectedAreaId, alarms, inArea, figures]);
  const onPickOverlay = useCallback(
    (layerId: string, object: unknown) => {
      if (layerId !== AREA_CHOROPLETH_ID || !tree) return;
      const id = (object as { id?: unknown } | null)?.id;
      const area = typeof id === 'string' ? tree.byId.get(id) : undefined;
      if (area) onChoose(area);
    },
    [tree, onChoose],
  );
  return { shading, setShading, options, overlays, onPickOverlay };
}
