/**
 * The source's areas as the console uses them: the tree to drill down, the districts to filter
 * the alarm list by (with their names), and whether an alarm stands in an area.
 */
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { DataAdapter } from '../../data/adapter';
import { areasQuery } from '../../data/queries';
import type { Language } from '../../map/layer-contract';
import type { NamedOption } from '../alarms/alarm-centre';
import type { InArea } from '../alarms/alarm-list';
import { localizedName } from '../alarms/labels';
import { buildAreaTree, type AreaTree } from './area-tree';

export interface ConsoleAreas {
  readonly tree: AreaTree | null;
  readonly districts: readonly NamedOption[];
  readonly names: ReadonlyMap<string, string>;
  readonly inArea: InArea;
}

export function useAreas(adapter: DataAdapter, language: Language): ConsoleAreas {
  const areas = useQuery({ ...areasQuery(adapter), enabled: adapter.capabilities.areas });
  const districts = useMemo<NamedOption[]>(
    () =>
      (areas.data?.data.features ?? [])
        .filter((area) => area.properties.level === 'district')
        .map((area) => ({
          id: String(area.id),
          name: localizedName(area.properties.name, language),
        })),
    [areas.data, language],
  );
  const names = useMemo(() => new Map(districts.map((area) => [area.id, area.name])), [districts]);
  const tree = useMemo(() => (areas.data ? buildAreaTree(areas.data.data) : null), [areas.data]);
  const inArea = useCallback<InArea>(
    (areaId, alarm) => alarm.areaId === areaId || (tree?.contains(areaId, alarm.position) ?? false),
    [tree],
  );
  return { tree, districts, names, inArea };
}
