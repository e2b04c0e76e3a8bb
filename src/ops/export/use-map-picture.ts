/**
 * Saving the map as a picture: the view as drawn, with a heading (the city, the time shown, and
 * REPLAY when it is the past) and the legend of every layer shown.
 */
import { useTranslation } from 'react-i18next';
import type { Language, LayerDefinition, Translate } from '../../map/layer-contract';
import { layerSetting, useUiStore } from '../../map/store';
import { useDisplayNow, useDisplayTime } from '../../ui/display-time';
import { formatClock } from '../../ui/format-number';
import { download, fileName } from './download';
import { canvasPng, composeMapImage, type LegendBlock } from './map-png';

export function useMapPicture(input: {
  readonly canvas: HTMLCanvasElement | null;
  readonly layers: readonly LayerDefinition[];
  /** The picture's title (the city's name). */
  readonly title: string;
  readonly timeZone?: string;
  readonly language: Language;
  readonly translatorFor: (domain: string) => Translate;
}): (() => void) | null {
  const { canvas, layers, title, timeZone, language, translatorFor } = input;
  const { t } = useTranslation();
  const settings = useUiStore((state) => state.layerSettings);
  const now = useDisplayNow();
  const { replay } = useDisplayTime();
  if (!canvas) return null;
  return () => {
    const legend: LegendBlock[] = layers
      .filter((layer) => layerSetting(settings, layer).visible)
      .map((layer) => {
        const domainT = translatorFor(layer.domain);
        return {
          title: domainT(layer.titleKey),
          entries: layer.legend.map((entry) => ({
            label: domainT(entry.labelKey),
            color: entry.color,
          })),
        };
      });
    const time = formatClock(now, language, timeZone);
    const heading: [string, string] = [
      `${title} · ${t('app.title')}`,
      replay ? `${t('time.replay')} · ${time}` : time,
    ];
    void canvasPng(composeMapImage(canvas, heading, legend)).then(
      (png) => download(fileName('map', now, 'png'), png),
      (error: unknown) => console.error(error),
    );
  };
}
