/** Tooltip and details of one hydrant. */
import { stateValue } from '../../data/live-state';
import { featureName, numberProperty } from '../../map/feature-text';
import type { DescribeInput, FeatureDescription } from '../../map/layer-contract';
import { formatNumber } from '../../ui/format-number';
import { HYDRANT_SERVICE_STATUS, hydrantService } from './hydrant-status';

export function describeHydrant({
  feature,
  index,
  state,
  language,
  t,
}: DescribeInput): FeatureDescription {
  const service = hydrantService(stateValue(state, 'inService', index));
  const level = HYDRANT_SERVICE_STATUS[service];
  const flow = numberProperty(feature, 'flowLpm');
  const primary = { label: t('detail.service'), value: t(`service.${service}`), level };
  return {
    title: featureName(feature, language),
    primary,
    rows: [
      primary,
      {
        label: t('detail.flow'),
        value:
          flow === null
            ? t('value.missing')
            : t('unit.lpm', { value: formatNumber(flow, language) }),
      },
    ],
  };
}
