/**
 * UI state only (server data lives in the query cache): typed slices combined into one store,
 * with middleware on the combined store. Layer settings are remembered across reloads.
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import {
  createLayerSettingsSlice,
  readLayerSettings,
  type LayerSettingsSlice,
} from './layer-settings-slice';
import { createSelectionSlice, type SelectionSlice } from './selection-slice';

export type UiState = LayerSettingsSlice & SelectionSlice;

export const UI_STORAGE_KEY = 'cityops.ui';

export function createUiStore() {
  return create<UiState>()(
    persist(
      (...args) => ({ ...createLayerSettingsSlice(...args), ...createSelectionSlice(...args) }),
      {
        name: UI_STORAGE_KEY,
        version: 1,
        storage: createJSONStorage(() => localStorage),
        partialize: (state) => ({ layerSettings: state.layerSettings }),
        // Whatever is in storage (an older version, a hand edit) is checked before it is used.
        merge: (persisted, current) => ({
          ...current,
          layerSettings: readLayerSettings(persisted),
        }),
      },
    ),
  );
}

export const useUiStore = createUiStore();

export { layerSetting, type LayerSetting } from './layer-settings-slice';
export { sameFeature, type FeatureRef } from './selection-slice';
