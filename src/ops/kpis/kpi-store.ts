/** The KPI the operator clicked (UI state): the map and the alarm list show what it counts. */
import { create } from 'zustand';

export interface KpiUiState {
  activeKpiId: string | null;
  setActiveKpi: (id: string | null) => void;
}

export const useKpiStore = create<KpiUiState>()((set) => ({
  activeKpiId: null,
  setActiveKpi: (activeKpiId) => set({ activeKpiId }),
}));
