/** Tooltip and details of one fire station. */
import { stateValue } from '../../data/live-state';
import { featureName, numberProperty, stringProperty } from '../../map/feature-text';
import type { DescribeInput, DescriptionRow, FeatureDescription } from '../../map/layer-contract';
import { formatNumber } from '../../ui/format-number';
import { STATION_READINESS_STATUS, stationReadiness } from './station-status';

export function describeStation({
  feature,
  index,
  state,
  language,
  t,
}: DescribeInput): FeatureDescription {
  const available = stateValue(state, 'availableUnits', index);
  const units = numberProperty(feature, 'units');
  const readiness = stationReadiness(available);
  const level = STATION_READINESS_STATUS[readiness];
  const availableText =
    available === null ? t('value.noReading') : formatNumber(available, language);
  const unitsText = units === null ? t('value.missing') : formatNumber(units, language);

  const rows: DescriptionRow[] = [
    { label: t('detail.readiness'), value: t(`readiness.${readiness}`), level },
    { label: t('detail.availableUnits'), value: availableText, level },
    { label: t('detail.units'), value: unitsText },
    { label: t('detail.phone'), value: stringProperty(feature, 'phone') ?? t('value.missing') },
  ];
  const primaryValue =
    available === null
      ? t('value.noReading')
      : units === null
        ? t('primary.availableOnly', { available: availableText })
        : t('primary.available', { available: availableText, units: unitsText });
  return {
    title: featureName(feature, language),
    primary: { label: t('detail.availableUnits'), value: primaryValue, level },
    rows,
  };
}
