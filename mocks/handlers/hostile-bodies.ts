/**
 * Bodies for the `hostile` fault: syntactically valid JSON shaped roughly like the real response,
 * but with wrong types, non-finite numbers (1e999 parses to Infinity), "NaN" strings, a 1 MB name
 * and markup in names. A client must reject or neutralise all of it without crashing the page
 * and without ever interpreting a name as HTML.
 */
import type { Position } from '../../src/data/schemas';

export type ResponseShape =
  | 'catalog'
  | 'features'
  | 'state'
  | 'areas'
  | 'basemap'
  | 'alarms'
  | 'alarm'
  | 'clock'
  | 'scenarios'
  | 'run'
  | 'stream';

export const MARKUP = '<img src=x onerror=alert(1)>';
/** JSON.stringify cannot write 1e999; this placeholder is swapped for it after serialising. */
const INFINITY = '\u0000infinity\u0000';
const INFINITY_JSON = JSON.stringify(INFINITY);

let hugeName: string | undefined;
/** A megabyte of text, starting with markup (built on first use). */
function huge(): string {
  hugeName ??= MARKUP + 'A'.repeat(1024 * 1024);
  return hugeName;
}

function hostileFeatures(at: Position): unknown[] {
  return [
    // Valid in shape, with markup for a name: must be displayed as text.
    {
      type: 'Feature',
      id: 'hostile-1',
      geometry: { type: 'Point', coordinates: at },
      properties: { name: { zh: MARKUP, en: MARKUP } },
    },
    {
      type: 'Feature',
      id: MARKUP,
      geometry: { type: 'Point', coordinates: [INFINITY, 'NaN'] },
      properties: { name: huge() },
    },
    {
      type: 'Feature',
      id: { $gt: '' },
      geometry: { type: 'LineString', coordinates: 'NaN' },
      properties: { lanes: INFINITY },
    },
    { type: 'Feature', id: 'hostile-4', geometry: null, properties: `<script>alert(1)</script>` },
    {
      type: 'Feature',
      id: 'hostile-5',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [`-${INFINITY}`, 91],
            [200, 'NaN'],
          ],
        ],
      },
      properties: { capacity: 'NaN', level: 'galaxy', parentId: INFINITY },
    },
  ];
}

/**
 * An alarm with markup for an id and a title, non-finite numbers, a date that is not one, and a
 * lifecycle whose step, version and history are all wrong.
 */
function hostileAlarm(): unknown {
  return {
    id: MARKUP,
    ruleId: huge(),
    domain: INFINITY,
    department: MARKUP,
    severity: INFINITY,
    status: 'NaN',
    datasetId: MARKUP,
    featureIds: 'NaN',
    raisedAt: 'yesterday',
    clearedAt: INFINITY,
    value: 'NaN',
    unit: MARKUP,
    title: { zh: MARKUP, en: huge() },
    areaId: { $gt: '' },
    position: [INFINITY, 'NaN'],
    bbox: [0, 0],
    lifecycle: {
      step: MARKUP,
      version: `-${INFINITY}`,
      stepSince: 'NaN',
      department: MARKUP,
      assignee: huge(),
      history: [
        {
          actionId: MARKUP,
          action: 'delete',
          at: 'yesterday',
          step: 'closed',
          department: null,
          assignee: null,
          note: huge(),
          operator: MARKUP,
        },
        null,
        MARKUP,
      ],
    },
  };
}

function hostileValue(shape: ResponseShape, at: Position): unknown {
  switch (shape) {
    case 'alarms':
      return { observedAt: 'NaN', cadenceS: INFINITY, alarms: [hostileAlarm(), null, MARKUP] };
    case 'alarm':
      return hostileAlarm();
    case 'clock':
      return { mode: MARKUP, time: 'NaN', speed: INFINITY, controllable: huge() };
    case 'scenarios':
      return {
        scenarios: [{ id: MARKUP, title: huge(), description: null, durationS: INFINITY }],
        runs: 'NaN',
      };
    case 'run':
      return { runId: huge(), scenarioId: MARKUP, startAt: 'NaN', eventCount: INFINITY };
    case 'catalog':
      return {
        city: {
          id: huge(),
          name: { zh: MARKUP, en: huge() },
          center: [INFINITY, 'NaN'],
          zoom: 'NaN',
          bbox: [0, 0],
        },
        datasets: [
          {
            id: MARKUP,
            domain: INFINITY,
            geometryKind: 'hexagon',
            stateCadenceS: 'NaN',
            geometryCadenceS: -1,
            stateFields: 'NaN',
          },
        ],
      };
    case 'features':
    case 'areas':
      return { type: 'FeatureCollection', features: hostileFeatures(at) };
    case 'state':
    case 'stream':
      return {
        dataset: MARKUP,
        observedAt: 'NaN',
        cadenceS: '10',
        ids: [MARKUP, INFINITY, null, huge()],
        columns: { speedKmh: ['NaN', INFINITY, `-${INFINITY}`], [MARKUP]: [1, 2, 3, 4] },
      };
    case 'basemap':
      return {
        water: 'NaN',
        landuse: { type: 'FeatureCollection', features: hostileFeatures(at) },
        parks: null,
        roads: { type: 'FeatureCollection', features: 'NaN' },
        buildings: { type: 'FeatureCollection', features: hostileFeatures(at) },
        districts: [],
        labels: [
          {
            kind: MARKUP,
            text: { zh: MARKUP, en: huge() },
            position: [INFINITY, 'NaN'],
            rank: 'NaN',
          },
        ],
      };
  }
}

/** The hostile body for a response shape; `at` places the one well-formed feature. */
export function hostileBody(shape: ResponseShape, at: Position): string {
  return JSON.stringify(hostileValue(shape, at))
    .replaceAll(`"-${INFINITY_JSON.slice(1)}`, '-1e999')
    .replaceAll(INFINITY_JSON, '1e999');
}
