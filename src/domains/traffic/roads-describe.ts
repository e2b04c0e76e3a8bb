/** Tooltip and details of one road segment. */
import { stateValue } from '../../data/live-state';
import { featureName, numberProperty } from '../../map/feature-text';
import type {
  DescribeInput,
  DescriptionRow,
  FeatureDescription,
  Language,
  Translate,
} from '../../map/layer-contract';
import { congestionLevel, congestionStatus, speedRatio } from './congestion';
import { formatNumber } from '../../ui/format-number';
import { roadClassOf } from './road-class';

export function describeRoad({
  feature,
  index,
  state,
  language,
  t,
}: DescribeInput): FeatureDescription {
  const speed = stateValue(state, 'speedKmh', index);
  const volume = stateValue(state, 'volumeVph', index);
  const freeFlow = numberProperty(feature, 'freeFlowKmh');
  const lanes = numberProperty(feature, 'lanes');
  const lengthM = numberProperty(feature, 'lengthM');
  const oneway = feature.properties['oneway'];
  const roadClass = roadClassOf(feature);

  const level = congestionLevel(speedRatio(speed, freeFlow));
  const status = congestionStatus(level);
  const speedText = speed === null ? t('value.noReading') : kmh(speed, language, t);

  const primary: DescriptionRow = {
    label: t('detail.traffic'),
    value:
      speed === null
        ? t('level.unknown')
        : t('primary', { speed: speedText, level: t(`level.${level}`) }),
    level: status,
  };
  const rows: DescriptionRow[] = [
    {
      label: t('detail.roadClass'),
      value: roadClass ? t(`roadClass.${roadClass}`) : t('value.missing'),
    },
    { label: t('detail.speed'), value: speedText, level: status },
    {
      label: t('detail.freeFlow'),
      value: freeFlow === null ? t('value.missing') : kmh(freeFlow, language, t),
    },
    {
      label: t('detail.volume'),
      value:
        volume === null
          ? t('value.noReading')
          : t('unit.vph', { value: formatNumber(volume, language) }),
    },
    {
      label: t('detail.lanes'),
      value:
        lanes === null
          ? t('value.missing')
          : t('unit.lanes', { value: formatNumber(lanes, language) }),
    },
    {
      label: t('detail.oneway'),
      value:
        typeof oneway === 'boolean' ? t(oneway ? 'value.yes' : 'value.no') : t('value.missing'),
    },
    {
      label: t('detail.length'),
      value: lengthM === null ? t('value.missing') : roadLength(lengthM, language, t),
    },
  ];
  return { title: featureName(feature, language), primary, rows };
}

function kmh(value: number, language: Language, t: Translate): string {
  return t('unit.kmh', { value: formatNumber(value, language) });
}

function roadLength(meters: number, language: Language, t: Translate): string {
  if (meters >= 1000)
    return t('unit.km', { value: formatNumber(meters / 1000, language, { maxDigits: 1 }) });
  return t('unit.m', { value: formatNumber(meters, language) });
}
