/**
 * The alarms the details panel shows: the one in focus (opened from the list) first, then any
 * other alarm standing on the selected feature, so clicking an alarmed feature on the map shows
 * its alarm, and opening an alarm shows it whatever is selected.
 */
import type { Language } from '../../map/layer-contract';
import { alarmsOnFeature, useAlarmDesk } from './alarm-desk';
import { AlarmCard } from './alarm-card';
import type { ViewedAlarm } from './optimistic';
import type { SlaMinutes } from './sla';

export function useAlarmsInFocus(
  focusedAlarmId: string | null,
  feature: { datasetId: string; featureId: string } | null,
): ViewedAlarm[] {
  const desk = useAlarmDesk();
  const focused = focusedAlarmId ? desk.byId.get(focusedAlarmId) : undefined;
  const onFeature = feature
    ? alarmsOnFeature(desk.alarms, feature.datasetId, feature.featureId)
    : [];
  return [...(focused ? [focused] : []), ...onFeature.filter((alarm) => alarm !== focused)];
}

export interface AlarmDetailsProps {
  readonly alarms: readonly ViewedAlarm[];
  readonly departments: readonly string[];
  readonly areaNames: ReadonlyMap<string, string>;
  readonly language: Language;
  readonly timeZone: string | undefined;
  readonly sla: SlaMinutes;
  readonly onShowOnMap: (alarm: ViewedAlarm) => void;
}

export function AlarmDetails({ alarms, areaNames, ...rest }: AlarmDetailsProps) {
  return (
    <div className="alarm-details" data-testid="alarm-details">
      {alarms.map((alarm) => (
        <AlarmCard
          key={alarm.id}
          alarm={alarm}
          areaName={alarm.areaId ? (areaNames.get(alarm.areaId) ?? alarm.areaId) : null}
          {...rest}
        />
      ))}
    </div>
  );
}
