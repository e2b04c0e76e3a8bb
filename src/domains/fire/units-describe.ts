/** Tooltip and details of one fire engine out on a call. */
import { featureName, stringProperty } from '../../map/feature-text';
import type { DescribeInput, DescriptionRow, FeatureDescription } from '../../map/layer-contract';
import { UNIT_STATUS_LEVEL, unitStatus } from './units-style';

export function describeUnit({ feature, language, t }: DescribeInput): FeatureDescription {
  const status = unitStatus(feature);
  const primary: DescriptionRow = {
    label: t('detail.unitStatus'),
    value: t(`unitStatus.${status}`),
    level: UNIT_STATUS_LEVEL[status],
  };
  const text = (key: string): string => stringProperty(feature, key) ?? t('value.missing');
  return {
    title: featureName(feature, language),
    primary,
    rows: [
      primary,
      { label: t('detail.station'), value: text('stationId') },
      { label: t('detail.incident'), value: text('incidentId') },
    ],
  };
}
