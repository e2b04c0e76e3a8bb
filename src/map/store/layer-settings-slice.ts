import { z } from 'zod';
import type { StateCreator } from 'zustand';
import type { LayerDefinition } from '../layer-contract';

export interface LayerSetting {
  visible: boolean;
  opacity: number;
}

export interface LayerSettingsSlice {
  /** Only what the user changed; everything else falls back to the layer's defaults. */
  layerSettings: Record<string, LayerSetting>;
  setLayersVisible: (layers: readonly LayerDefinition[], visible: boolean) => void;
  setLayerOpacity: (layer: LayerDefinition, opacity: number) => void;
}

export function layerSetting(
  settings: Record<string, LayerSetting>,
  layer: LayerDefinition,
): LayerSetting {
  return settings[layer.id] ?? { visible: layer.defaultVisible, opacity: layer.defaultOpacity };
}

export const createLayerSettingsSlice: StateCreator<
  LayerSettingsSlice,
  [],
  [],
  LayerSettingsSlice
> = (set) => ({
  layerSettings: {},
  setLayersVisible: (layers, visible) =>
    set((state) => {
      const next = { ...state.layerSettings };
      for (const layer of layers)
        next[layer.id] = { ...layerSetting(state.layerSettings, layer), visible };
      return { layerSettings: next };
    }),
  setLayerOpacity: (layer, opacity) =>
    set((state) => ({
      layerSettings: {
        ...state.layerSettings,
        [layer.id]: {
          ...layerSetting(state.layerSettings, layer),
          opacity: Math.max(0, Math.min(1, opacity)),
        },
      },
    })),
});

const storedSettingsSchema = z.object({
  layerSettings: z.record(
    z.string(),
    z.object({ visible: z.boolean(), opacity: z.number().min(0).max(1) }),
  ),
});

/** Layer settings from storage, or none when what is stored is not valid. */
export function readLayerSettings(stored: unknown): Record<string, LayerSetting> {
  const parsed = storedSettingsSchema.safeParse(stored);
  return parsed.success ? parsed.data.layerSettings : {};
}
