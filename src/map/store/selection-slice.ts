import type { StateCreator } from 'zustand';

export interface FeatureRef {
  layerId: string;
  featureId: string;
}

export interface SelectionSlice {
  selection: FeatureRef | null;
  select: (feature: FeatureRef | null) => void;
}

export const createSelectionSlice: StateCreator<SelectionSlice, [], [], SelectionSlice> = (
  set,
) => ({
  selection: null,
  select: (selection) => set({ selection }),
});

export function sameFeature(a: FeatureRef | null, b: FeatureRef | null): boolean {
  return a?.layerId === b?.layerId && a?.featureId === b?.featureId;
}
