/** Tooltip and details of one pump, valve or manhole. */
import type { DescribeInput, DescriptionRow, FeatureDescription } from '../../map/layer-contract';
import { featureName, stringProperty } from '../../map/feature-text';
import { pipeNetworkOf } from './networks';
import { featureNodeCondition, nodeConditionStatus, nodeKindOf } from './node-condition';

export function describeNode({
  feature,
  index,
  state,
  language,
  t,
}: DescribeInput): FeatureDescription {
  const kind = nodeKindOf(feature);
  const network = pipeNetworkOf(stringProperty(feature, 'network'));
  const condition = featureNodeCondition(feature, state, index);
  const status = nodeConditionStatus(condition);
  const kindText = kind ? t(`nodeKind.${kind}`) : t('value.missing');
  const networkText = network ? t(`network.${network}`) : t('value.missing');

  const rows: DescriptionRow[] = [
    { label: t('detail.kind'), value: kindText },
    { label: t('detail.network'), value: networkText },
  ];
  let primary: DescriptionRow;
  if (status === null) {
    primary = {
      label: t('detail.kind'),
      value: t('primary.node', { kind: kindText, network: networkText }),
    };
  } else {
    primary = { label: t('detail.condition'), value: t(`condition.${condition}`), level: status };
    rows.push(primary);
  }
  return { title: featureName(feature, language), primary, rows };
}
