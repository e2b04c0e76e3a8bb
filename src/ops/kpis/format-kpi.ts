/** A KPI's figure as text, by its format. */
import type { TFunction } from 'i18next';
import type { KpiFormat } from '../../map/kpi-contract';
import type { Language } from '../../map/layer-contract';
import { formatDuration } from '../../ui/format-age';

export function formatKpi(
  value: number | null,
  format: KpiFormat,
  language: Language,
  t: TFunction,
): string {
  if (value === null) return '—';
  switch (format) {
    case 'count':
      return new Intl.NumberFormat(language, { maximumFractionDigits: 0 }).format(value);
    case 'index':
      return new Intl.NumberFormat(language, {
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      }).format(value);
    case 'duration':
      return formatDuration(value * 1_000, t);
  }
}
