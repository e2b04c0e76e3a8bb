/**
 * `fire.alarms`: active alarms and incidents, drawn so they cannot be missed: on top of everything,
 * buildings included. The pulse is driven by uniforms only (`radiusScale` and `opacity`), so an
 * animation frame recomputes no attribute.
 */
import { featureObjects } from '../../data/feature-table';
import type { Layer } from '@deck.gl/core';
import { ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { Feature } from '../../data/schemas';
import { DRAW_ON_TOP } from '../../map/draw-on-top';
import { pointPosition } from '../../map/feature-geometry';
import {
  defineLayer,
  type LayerData,
  type LegendEntry,
  type RenderContext,
} from '../../map/layer-contract';
import { pickedLayerProps, textLayerProps } from '../../map/layer-props';
import type { Rgba } from '../../ui/theme';
import {
  ALARM_OUTLINE,
  CORE_OUTLINE_PIXELS,
  INCIDENT_MARK,
  INCIDENT_OUTLINE,
  PULSE_LINE_PIXELS,
  SEVERITY_COLOR,
  SEVERITY_RADIUS_PIXELS,
  SEVERITY_STATUS,
  TRANSPARENT,
  alarmSeverity,
  alarmStatus,
  pulsePhase,
  pulseRing,
} from './alarm-style';
import { describeAlarm } from './alarms-describe';

export const ALARMS_LAYER_ID = 'fire.alarms';
export const ALARM_PULSE_LAYER_ID = `${ALARMS_LAYER_ID}-pulse`;
export const INCIDENT_PULSE_LAYER_ID = `${ALARMS_LAYER_ID}-pulse-incident`;
export const INCIDENT_MARK_LAYER_ID = `${ALARMS_LAYER_ID}-mark`;

const MARK_SIZE_PIXELS = 13;

function coreRadius(feature: Feature): number {
  return SEVERITY_RADIUS_PIXELS[alarmSeverity(feature)];
}

function severityColor(feature: Feature): Rgba {
  return SEVERITY_COLOR[alarmSeverity(feature)];
}

function coreOutline(feature: Feature): Rgba {
  return alarmStatus(feature) === 'incident' ? INCIDENT_OUTLINE : ALARM_OUTLINE;
}

function incidentRingRadius(feature: Feature): number {
  return alarmStatus(feature) === 'incident' ? coreRadius(feature) : 0;
}

function incidentRingColor(feature: Feature): Rgba {
  return alarmStatus(feature) === 'incident' ? severityColor(feature) : TRANSPARENT;
}

function incidentMark(feature: Feature): string {
  return alarmStatus(feature) === 'incident' ? INCIDENT_MARK : '';
}

export function renderAlarms(data: LayerData, context: RenderContext): Layer[] {
  // A small layer: drawn from feature objects.
  const features = featureObjects(data.geometry);
  const first = pulseRing(pulsePhase(context.animationTime));
  const second = pulseRing(pulsePhase(context.animationTime, 0.5));
  const ring = {
    data: features,
    getPosition: pointPosition,
    radiusUnits: 'pixels',
    filled: false,
    stroked: true,
    getLineWidth: PULSE_LINE_PIXELS,
    lineWidthUnits: 'pixels',
    pickable: false,
    visible: context.visible,
    parameters: DRAW_ON_TOP,
  } as const;

  return [
    new ScatterplotLayer<Feature>({
      ...ring,
      id: ALARM_PULSE_LAYER_ID,
      getRadius: coreRadius,
      getLineColor: severityColor,
      radiusScale: first.radiusScale,
      opacity: context.opacity * first.alpha,
    }),
    new ScatterplotLayer<Feature>({
      ...ring,
      id: INCIDENT_PULSE_LAYER_ID,
      getRadius: incidentRingRadius,
      getLineColor: incidentRingColor,
      radiusScale: second.radiusScale,
      opacity: context.opacity * second.alpha,
    }),
    new ScatterplotLayer<Feature>({
      id: ALARMS_LAYER_ID,
      data: features,
      getPosition: pointPosition,
      getRadius: coreRadius,
      radiusUnits: 'pixels',
      filled: true,
      stroked: true,
      getFillColor: severityColor,
      getLineColor: coreOutline,
      getLineWidth: CORE_OUTLINE_PIXELS,
      lineWidthUnits: 'pixels',
      ...pickedLayerProps(context),
      parameters: DRAW_ON_TOP,
    }),
    new TextLayer<Feature>({
      id: INCIDENT_MARK_LAYER_ID,
      data: features,
      getPosition: pointPosition,
      getText: incidentMark,
      getSize: MARK_SIZE_PIXELS,
      getColor: INCIDENT_OUTLINE,
      fontWeight: 'bold',
      characterSet: INCIDENT_MARK,
      ...textLayerProps(context),
      parameters: DRAW_ON_TOP,
    }),
  ];
}

export const ALARMS_LEGEND: readonly LegendEntry[] = [
  { labelKey: 'legend.alarms.incident', color: SEVERITY_COLOR[3], shape: 'circle' },
  { labelKey: 'legend.alarms.alarm', color: SEVERITY_COLOR[2], shape: 'ring' },
  { labelKey: 'legend.alarms.severityHigh', color: SEVERITY_COLOR[3], shape: 'circle' },
  { labelKey: 'legend.alarms.severityLow', color: SEVERITY_COLOR[1], shape: 'circle' },
];

export const alarmsLayer = defineLayer({
  id: ALARMS_LAYER_ID,
  domain: 'fire',
  titleKey: 'layers.alarms',
  dataset: 'fire.alarms',
  defaultVisible: true,
  animated: true,
  legend: ALARMS_LEGEND,
  render: renderAlarms,
  describe: describeAlarm,
  status: ({ feature }) => SEVERITY_STATUS[alarmSeverity(feature)],
});
