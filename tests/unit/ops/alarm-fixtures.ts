/** Alarms for the console's unit tests, shaped as the REST contract serves them. */
import type { Alarm } from '../../../src/data/alarm-schemas';

export function makeAlarm(overrides: Partial<Alarm> = {}): Alarm {
  return {
    id: 'a-1',
    ruleId: 'pipes.water-pressure-low',
    domain: 'pipes',
    department: 'water-utility',
    severity: 2,
    status: 'open',
    datasetId: 'pipes.water',
    featureIds: ['pw-1', 'pw-2'],
    raisedAt: '2026-01-15T08:00:00+08:00',
    clearedAt: null,
    value: 150,
    unit: 'kPa',
    title: { zh: '水压低', en: 'Low water pressure' },
    areaId: 'd-1',
    position: [121.47, 31.23],
    bbox: [121.46, 31.22, 121.48, 31.24],
    lifecycle: {
      step: 'new',
      version: 0,
      stepSince: '2026-01-15T08:00:00+08:00',
      department: null,
      assignee: null,
      history: [],
    },
    ...overrides,
  };
}

export { MemoryStorage } from '../../../mocks/browser-backend/memory-storage';
