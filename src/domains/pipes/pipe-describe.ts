/** Tooltip and details of one pipe segment. */
import { featureName, numberProperty, stringProperty } from '../../map/feature-text';
import type {
  DescribeInput,
  DescriptionRow,
  FeatureDescription,
  Language,
  Translate,
} from '../../map/layer-contract';
import type { Feature } from '../../data/schemas';
import { formatNumber } from '../../ui/format-number';
import type { PipeNetwork } from './networks';
import { pipeReading, pipeStatus } from './pipe-status';
import { gasPressureClass } from './thresholds';

/**
 * Pipe materials that have a translated name, matched case-insensitively (`PE`, `pe`); any other
 * value is shown as the source wrote it.
 */
export const PIPE_MATERIALS = [
  'ductile-iron',
  'cast-iron',
  'steel',
  'pe',
  'pvc',
  'concrete',
] as const;

export function describePipe(
  network: PipeNetwork,
  { feature, index, state, language, t }: DescribeInput,
): FeatureDescription {
  const reading = pipeReading(network, state, index);
  const status = pipeStatus(network, feature.properties['pressureClass'], state, index);
  const readingText =
    reading === null ? t('value.noReading') : formatReading(network, feature, reading, language, t);
  const statusText = t(`status.${status}`);
  const readingLabel = t(network === 'drainage' ? 'detail.fill' : 'detail.pressure');

  const rows: DescriptionRow[] = [
    { label: t('detail.network'), value: t(`network.${network}`) },
    { label: t('detail.status'), value: statusText, level: status },
    { label: readingLabel, value: readingText, level: status },
  ];
  if (network === 'gas') {
    const pressureClass = gasPressureClass(stringProperty(feature, 'pressureClass'));
    rows.push({
      label: t('detail.pressureClass'),
      value: pressureClass ? t(`pressureClass.${pressureClass}`) : t('value.missing'),
    });
  }
  const diameter = numberProperty(feature, 'diameterMm');
  rows.push(
    {
      label: t('detail.diameter'),
      value:
        diameter === null
          ? t('value.missing')
          : t('unit.mm', { value: formatNumber(diameter, language) }),
    },
    { label: t('detail.material'), value: materialText(stringProperty(feature, 'material'), t) },
    { label: t('detail.zone'), value: stringProperty(feature, 'zone') ?? t('value.missing') },
  );

  return {
    title: featureName(feature, language),
    primary: {
      label: readingLabel,
      value:
        reading === null
          ? t('value.noReading')
          : t('primary.reading', { reading: readingText, status: statusText }),
      level: status,
    },
    rows,
  };
}

/**
 * A reading with its unit: up to one decimal (two for low-pressure gas), rounded away from the
 * bad side of the network's threshold (see `formatNumber`).
 */
export function formatReading(
  network: PipeNetwork,
  feature: Feature,
  reading: number,
  language: Language,
  t: Translate,
): string {
  switch (network) {
    case 'water':
      // Low pressure is bad: round down.
      return t('unit.kpa', {
        value: formatNumber(reading, language, { maxDigits: 1, rounding: 'floor' }),
      });
    case 'drainage':
      // A high fill level is bad: round up.
      return t('unit.percent', {
        value: formatNumber(reading * 100, language, { maxDigits: 1, rounding: 'ceil' }),
      });
    case 'gas': {
      // Both directions are bad: show enough decimals instead.
      const low = gasPressureClass(stringProperty(feature, 'pressureClass')) === 'low';
      const style = low ? { maxDigits: 2, minDigits: 2 } : { maxDigits: 2 };
      return t('unit.kpa', { value: formatNumber(reading, language, style) });
    }
  }
}

function materialText(material: string | null, t: Translate): string {
  if (material === null) return t('value.missing');
  const lower = material.toLowerCase();
  const known = PIPE_MATERIALS.find((candidate) => candidate === lower);
  return known ? t(`material.${known}`) : material;
}
