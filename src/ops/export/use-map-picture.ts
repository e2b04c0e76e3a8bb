/**
 * Saving the map as a picture: the view as drawn, with a heading (the city, the time shown, and
 * REPLAY when it is the past) and the legend of every layer shown. The drawing code is loaded with
 * the first picture, not with the page.
 */
import { useTranslation } from 'react-i18next';
import {
  legendLabel,
  type Language,
  type LayerDefinition,
  type Translate,
} from '../../map/layer-contract';
import { layerSetting, useUiStore } from '../../map/store';
import { useDisplayNow, useDisplayTime } from '../../ui/display-time';
import { formatClock } from '../../ui/format-number';
import { download, fileName } from './download';
import type { LegendBlock } from './map-png';
import { useSaving, type Saving } from './use-saving';

export interface MapPicture {
  /** Saves the picture; null while there is no map to take it from. */
  readonly save: (() => void) | null;
  readonly saving: Saving;
}

export function useMapPicture(input: {
  readonly canvas: HTMLCanvasElement | null;
  readonly layers: readonly LayerDefinition[];
  /** The picture's title (the city's name). */
  readonly title: string;
  readonly timeZone?: string;
  readonly language: Language;
  readonly translatorFor: (domain: string) => Translate;
}): MapPicture {
  const { canvas, layers, title, timeZone, language, translatorFor } = input;
  const { t } = useTranslation();
  const settings = useUiStore((state) => state.layerSettings);
  const now = useDisplayNow();
  const { replay } = useDisplayTime();
  const saving = useSaving();
  if (!canvas) return { save: null, saving };
  const save = () => {
    const legend: LegendBlock[] = layers
      .filter((layer) => layerSetting(settings, layer).visible)
      .map((layer) => {
        const domainT = translatorFor(layer.domain);
        return {
          title: domainT(layer.titleKey),
          entries: layer.legend.map((entry) => ({
            label: legendLabel(entry, domainT),
            color: entry.color,
          })),
        };
      });
    const time = formatClock(now, language, timeZone);
    const heading: [string, string] = [
      `${title} · ${t('app.title')}`,
      replay ? `${t('time.replay')} · ${time}` : time,
    ];
    saving.run(async () => {
      const { canvasPng, composeMapImage } = await import('./map-png');
      download(
        fileName('map', now, 'png'),
        await canvasPng(composeMapImage(canvas, heading, legend)),
      );
    });
  };
  return { save, saving };
}
