/** Tooltip and details of one public space. */
import { stateValue } from '../../data/live-state';
import { featureName, numberProperty } from '../../map/feature-text';
import type { DescribeInput, DescriptionRow, FeatureDescription } from '../../map/layer-contract';
import { formatNumber } from '../../ui/format-number';
import { occupancyRatio, occupancyStatus } from './occupancy';
import { spaceKindOf } from './space-kind';

export function describeSpace({
  feature,
  index,
  state,
  language,
  t,
}: DescribeInput): FeatureDescription {
  const occupancy = stateValue(state, 'occupancy', index);
  const capacity = numberProperty(feature, 'capacity');
  const areaM2 = numberProperty(feature, 'areaM2');
  const kind = spaceKindOf(feature);
  const ratio = occupancyRatio(occupancy, capacity);
  const level = occupancyStatus(ratio);
  const statusText = t(`status.${level}`);
  const people = (value: number): string =>
    t('unit.people', { value: formatNumber(value, language) });

  const countText = occupancy === null ? t('value.noReading') : people(occupancy);
  const percentText =
    ratio === null
      ? null
      : t('unit.percent', {
          value: formatNumber(ratio * 100, language, { maxDigits: 1, rounding: 'floor' }),
        });

  let primaryValue: string;
  if (occupancy === null) primaryValue = t('value.noReading');
  else if (percentText === null) primaryValue = countText;
  else primaryValue = t('primary', { percent: percentText, people: countText, status: statusText });

  const rows: DescriptionRow[] = [
    { label: t('detail.status'), value: statusText, level },
    { label: t('detail.kind'), value: kind ? t(`spaceKind.${kind}`) : t('value.missing') },
    { label: t('detail.occupancy'), value: countText, level },
    { label: t('detail.share'), value: percentText ?? t('value.noReading'), level },
    {
      label: t('detail.capacity'),
      value: capacity === null ? t('value.missing') : people(capacity),
    },
    {
      label: t('detail.area'),
      value:
        areaM2 === null
          ? t('value.missing')
          : t('unit.m2', { value: formatNumber(areaM2, language) }),
    },
  ];
  return {
    title: featureName(feature, language),
    primary: { label: t('detail.occupancy'), value: primaryValue, level },
    rows,
  };
}
