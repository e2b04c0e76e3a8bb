/** Tooltip and details of one active alarm or incident. */
import { featureName, localized, stringProperty } from '../../map/feature-text';
import type { DescribeInput, DescriptionRow, FeatureDescription } from '../../map/layer-contract';
import { SEVERITY_STATUS, alarmKind, alarmSeverity, alarmStatus } from './alarm-style';
import { formatDateTime } from '../../ui/format-number';

export function describeAlarm({ feature, language, t }: DescribeInput): FeatureDescription {
  const severity = alarmSeverity(feature);
  const status = alarmStatus(feature);
  const kind = alarmKind(feature);
  const level = SEVERITY_STATUS[severity];
  const statusText = t(`alarmStatus.${status}`);
  const severityText = t(`severity.${severity}`);
  const startedAt = stringProperty(feature, 'startedAt');
  const started = startedAt === null ? null : formatDateTime(startedAt, language);
  const address = localized(feature.properties['address'], language);

  const rows: DescriptionRow[] = [
    { label: t('detail.alarmStatus'), value: statusText, level },
    { label: t('detail.severity'), value: severityText, level },
    { label: t('detail.alarmKind'), value: kind ? t(`alarmKind.${kind}`) : t('value.missing') },
    { label: t('detail.startedAt'), value: started ?? t('value.missing') },
    { label: t('detail.address'), value: address ?? t('value.missing') },
  ];
  return {
    title: featureName(feature, language),
    primary: {
      label: t('detail.alarm'),
      value: t('primary.alarm', { status: statusText, severity: severityText }),
      level,
    },
    rows,
  };
}
