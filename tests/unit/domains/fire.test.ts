import { featureObjects } from '../../../src/data/feature-table';
import { describe, expect, it } from 'vitest';
import { stateValue } from '../../../src/data/live-state';
import { fireDomain } from '../../../src/domains/fire';
import {
  PULSE_PERIOD_MS,
  SEVERITY_COLOR,
  SEVERITY_RADIUS_PIXELS,
  alarmSeverity,
  alarmStatus,
  pulsePhase,
  pulseRing,
} from '../../../src/domains/fire/alarm-style';
import {
  ALARM_PULSE_LAYER_ID,
  ALARMS_LAYER_ID,
  INCIDENT_MARK_LAYER_ID,
  INCIDENT_PULSE_LAYER_ID,
  alarmsLayer,
  renderAlarms,
} from '../../../src/domains/fire/alarms-layer';
import { hydrantService } from '../../../src/domains/fire/hydrant-status';
import {
  HYDRANT_CELLS_BELOW_ZOOM,
  HYDRANT_STYLE,
  HYDRANTS_LAYER_ID,
  hydrantsLayer,
  renderHydrants,
} from '../../../src/domains/fire/hydrants-layer';
import { stationReadiness } from '../../../src/domains/fire/station-status';
import {
  STATION_LABEL_MIN_ZOOM,
  STATION_LABELS_LAYER_ID,
  STATION_SYMBOLS_LAYER_ID,
  STATIONS_LAYER_ID,
  renderStations,
  stationsLayer,
} from '../../../src/domains/fire/stations-layer';
import { DRAW_ON_TOP } from '../../../src/map/draw-on-top';
import { statusColors } from '../../../src/ui/theme';
import { loadFixtureLayerData } from '../../helpers/fixtures';
import { context, layerData, point, stateTable } from './builders';
import { accessor, deckLayer, plain, prop, updateTrigger } from './deck-props';
import { checkDomainModule, expectReadable } from './domain-checks';
import { strictTranslate } from './translate';

const stations = [
  point('s-ready', { units: 4, phone: '021-0000-0119' }),
  point('s-out', { units: 2, phone: '021-0000-0120' }),
  point('s-none', { units: 3 }),
];
const stationsData = layerData(stations, stateTable({ availableUnits: [3, 0, null] }, 11));

const hydrants = [
  point('h-ok', { flowLpm: 1200 }),
  point('h-out', { flowLpm: 900 }),
  point('h-none', {}),
];
const hydrantsData = layerData(hydrants, stateTable({ inService: [1, 0, null] }, 12));

const address = { zh: '中山路 12 号', en: '12 Zhongshan Road' };
const alarms = [
  point('a-detector', {
    alarmKind: 'detector',
    severity: 1,
    status: 'alarm',
    startedAt: '2025-11-26T08:15:00Z',
    address,
  }),
  point('a-fire', {
    alarmKind: 'fire',
    severity: 3,
    status: 'incident',
    startedAt: '2025-11-26T08:20:00Z',
    address,
  }),
  point('a-medium', {
    alarmKind: 'detector',
    severity: 2,
    status: 'alarm',
    startedAt: 'not a time',
  }),
  point('a-bare', {}),
];
const alarmsData = layerData(alarms, null);

describe('thresholds and states', () => {
  it.each([
    [3, 'ready'],
    [1, 'ready'],
    [0, 'allOut'],
    [null, 'noReading'],
  ] as const)('station with %s units available is %s', (available, readiness) => {
    expect(stationReadiness(available)).toBe(readiness);
  });

  it.each([
    [1, 'inService'],
    [0, 'outOfService'],
    [null, 'noReading'],
    [Number.NaN, 'noReading'],
  ] as const)('hydrant inService=%s is %s', (value, service) => {
    expect(hydrantService(value)).toBe(service);
  });

  it.each([
    [0, 1],
    [1, 1],
    [2, 2],
    [2.5, 2],
    [3, 3],
    [7, 3],
  ])('severity property %s is severity %s', (severity, expected) => {
    expect(alarmSeverity(point('x', { severity }))).toBe(expected);
  });

  it('never plays an alarm down for missing data', () => {
    expect(alarmSeverity(point('x'))).toBe(3);
    expect(alarmStatus(point('x'))).toBe('incident');
    expect(alarmStatus(point('x', { status: 'alarm' }))).toBe('alarm');
  });

  it('cycles the pulse over its period and fades the ring as it grows', () => {
    expect(pulsePhase(0)).toBe(0);
    expect(pulsePhase(PULSE_PERIOD_MS / 4)).toBeCloseTo(0.25);
    expect(pulsePhase(PULSE_PERIOD_MS * 3 + PULSE_PERIOD_MS / 2)).toBeCloseTo(0.5);
    expect(pulsePhase(0, 0.5)).toBe(0.5);
    expect(pulsePhase(-PULSE_PERIOD_MS / 4)).toBeCloseTo(0.75);
    expect(pulsePhase(Number.NaN)).toBe(0);
    expect(pulseRing(0)).toEqual({ radiusScale: 1, alpha: 1 });
    expect(pulseRing(0.5).radiusScale).toBeGreaterThan(1);
    expect(pulseRing(0.5).alpha).toBe(0.5);
  });
});

describe('fire.stations', () => {
  it('draws a disc (picked), a star and a name label', () => {
    const layers = renderStations(stationsData, context());
    expect(layers.map((layer) => layer.id)).toEqual([
      'fire.stations',
      'fire.stations-symbols',
      'fire.stations-labels',
    ]);
    expect(accessor(deckLayer(layers, STATION_SYMBOLS_LAYER_ID), 'getText')(stations[0]!, 0)).toBe(
      '★',
    );
  });

  it.each([
    [0, 'normal'],
    [1, 'warning'],
    [2, 'unknown'],
  ] as const)('fills station %i in the %s colour', (index, status) => {
    const disc = deckLayer(renderStations(stationsData, context()), STATIONS_LAYER_ID);
    expect(plain(accessor(disc, 'getFillColor')(stations[index]!, index))).toEqual([
      ...statusColors[status],
    ]);
    expect(updateTrigger(disc, 'getFillColor')).toBe(11);
  });

  it('labels stations in the reader language from zoom 13 on', () => {
    const en = deckLayer(
      renderStations(stationsData, context({ zoom: STATION_LABEL_MIN_ZOOM })),
      STATION_LABELS_LAYER_ID,
    );
    const zh = deckLayer(
      renderStations(
        stationsData,
        context({ zoom: STATION_LABEL_MIN_ZOOM - 1, language: 'zh-CN' }),
      ),
      STATION_LABELS_LAYER_ID,
    );
    expect(en.props.visible).toBe(true);
    expect(zh.props.visible).toBe(false);
    expect(accessor(en, 'getText')(stations[0]!, 0)).toBe('Feature s-ready');
    expect(accessor(zh, 'getText')(stations[0]!, 0)).toBe('要素s-ready');
    expect(updateTrigger(en, 'getText')).toBe('en');
    expect(updateTrigger(zh, 'getText')).toBe('zh-CN');
    expect(prop(en, 'characterSet')).toBe('auto');
  });

  it('draws disc, star and name on top of buildings, so neither is hidden nor left alone', () => {
    const layers = renderStations(stationsData, context({ zoom: STATION_LABEL_MIN_ZOOM }));
    expect(layers).toHaveLength(3);
    for (const layer of layers) expect(prop(layer, 'parameters'), layer.id).toEqual(DRAW_ON_TOP);
  });

  it('describes readiness with available and total units', () => {
    const t = strictTranslate(fireDomain.messages, 'en');
    const zh = strictTranslate(fireDomain.messages, 'zh-CN');
    expect(
      stationsLayer.describe({
        feature: stations[0]!,
        index: 0,
        state: stationsData.state,
        language: 'en',
        t,
      }).primary,
    ).toEqual({
      label: 'Available units',
      value: '3 of 4 units',
      level: 'normal',
    });
    const out = stationsLayer.describe({
      feature: stations[1]!,
      index: 1,
      state: stationsData.state,
      language: 'zh-CN',
      t: zh,
    });
    expect(out.primary).toEqual({ label: '可出动车辆', value: '0 / 2 辆', level: 'warning' });
    expect(out.rows.find((row) => row.label === '电话')?.value).toBe('021-0000-0120');
    const none = stationsLayer.describe({
      feature: stations[2]!,
      index: 2,
      state: stationsData.state,
      language: 'en',
      t,
    });
    expect(none.primary.value).toBe('No reading');
    expect(none.rows.find((row) => row.label === 'Phone')?.value).toBe('Not recorded');
  });
});

describe('fire.hydrants', () => {
  it('draws the hydrants from their positions as binary attributes, by index', () => {
    const [layer] = renderHydrants(hydrantsData, context());
    const data = layer!.props.data as {
      length: number;
      attributes: { getPosition: { value: Float64Array; size: number } };
    };
    expect(data.length).toBe(hydrants.length);
    const positions = [...data.attributes.getPosition.value];
    expect(positions).toEqual(
      hydrants.flatMap((hydrant) =>
        hydrant.geometry.type === 'Point' ? hydrant.geometry.coordinates.slice(0, 2) : [],
      ),
    );
    expect(data.attributes.getPosition.size).toBe(2);
  });

  it('differs in colour and in shape between in service and out of service', () => {
    const [layer] = renderHydrants(hydrantsData, context());
    expect(layer!.id).toBe(HYDRANTS_LAYER_ID);
    const style = (index: number) => ({
      fill: plain(accessor(layer!, 'getFillColor')(hydrants[index]!, index)),
      line: plain(accessor(layer!, 'getLineColor')(hydrants[index]!, index)),
      width: accessor(layer!, 'getLineWidth')(hydrants[index]!, index),
    });
    expect(style(0).fill).toEqual([...statusColors.normal]);
    expect(style(1).line).toEqual([...statusColors.warning]);
    // Out of service is a hollow ring: dark inside, a thicker coloured outline.
    expect(style(1).fill).toEqual([...HYDRANT_STYLE.outOfService.fill]);
    expect(Number(style(1).width)).toBeGreaterThan(Number(style(0).width));
    expect(style(2).fill).toEqual([...statusColors.unknown]);
    for (const name of ['getFillColor', 'getLineColor', 'getLineWidth'])
      expect(updateTrigger(layer!, name)).toBe(12);
  });

  it('zoomed out, draws hexagonal cells in the worst state inside and hides the points', () => {
    // Three hydrants a few metres apart share a cell: one out of service makes it orange.
    const zoomedOut = context({ zoom: HYDRANT_CELLS_BELOW_ZOOM - 1 });
    const layers = renderHydrants(hydrantsData, zoomedOut);
    expect(layers.map((layer) => layer.id)).toEqual([
      HYDRANTS_LAYER_ID,
      `${HYDRANTS_LAYER_ID}-cells`,
    ]);
    expect(deckLayer(layers, HYDRANTS_LAYER_ID).props.visible).toBe(false);
    const cells = deckLayer(layers, `${HYDRANTS_LAYER_ID}-cells`);
    expect(cells.props.visible).toBe(true);
    expect(cells.props.pickable).toBe(false);
    expect(cells.props.opacity).toBe(zoomedOut.opacity);
    const colours = Array.from(
      { length: (cells.props.data as { length: number }).length },
      (_, cell) => plain(accessor(cells, 'getFillColor')(hydrants[0]!, cell)),
    );
    expect(colours).toHaveLength(1);
    expect((colours[0] as number[]).slice(0, 3)).toEqual([...statusColors.warning].slice(0, 3));

    const allIn = renderHydrants(
      layerData(hydrants, stateTable({ inService: [1, 1, null] }, 13)),
      zoomedOut,
    );
    const inService = deckLayer(allIn, `${HYDRANTS_LAYER_ID}-cells`);
    expect(
      (plain(accessor(inService, 'getFillColor')(hydrants[0]!, 0)) as number[]).slice(0, 3),
    ).toEqual([...statusColors.normal].slice(0, 3));
    const unread = deckLayer(
      renderHydrants(layerData(hydrants, null), zoomedOut),
      `${HYDRANTS_LAYER_ID}-cells`,
    );
    expect(
      (plain(accessor(unread, 'getFillColor')(hydrants[0]!, 0)) as number[]).slice(0, 3),
    ).toEqual([...statusColors.unknown].slice(0, 3));
  });

  it('zoomed in, draws only the points', () => {
    const layers = renderHydrants(hydrantsData, context({ zoom: HYDRANT_CELLS_BELOW_ZOOM }));
    expect(layers.map((layer) => layer.id)).toEqual([HYDRANTS_LAYER_ID]);
    expect(layers[0]!.props.visible).toBe(true);
  });

  it('describes service state and rated flow', () => {
    const t = strictTranslate(fireDomain.messages, 'zh-CN');
    const out = hydrantsLayer.describe({
      feature: hydrants[1]!,
      index: 1,
      state: hydrantsData.state,
      language: 'zh-CN',
      t,
    });
    expect(out.primary).toEqual({ label: '状态', value: '停用', level: 'warning' });
    expect(out.rows.find((row) => row.label === '额定流量')?.value).toBe('900 升/分钟');
  });
});

describe('fire.alarms', () => {
  it('is animated and draws rings under the core, a mark on top', () => {
    expect(alarmsLayer.animated).toBe(true);
    const layers = renderAlarms(alarmsData, context());
    expect(layers.map((layer) => layer.id)).toEqual([
      'fire.alarms-pulse',
      'fire.alarms-pulse-incident',
      'fire.alarms',
      'fire.alarms-mark',
    ]);
  });

  it('draws every part of an alarm on top of buildings, so an alarm is never hidden', () => {
    const layers = renderAlarms(alarmsData, context({ animationTime: 400 }));
    expect(layers).toHaveLength(4);
    for (const layer of layers) expect(prop(layer, 'parameters'), layer.id).toEqual(DRAW_ON_TOP);
  });

  it('grows and fades the ring with the animation clock', () => {
    const at = (animationTime: number) =>
      deckLayer(
        renderAlarms(alarmsData, context({ animationTime, opacity: 1 })),
        ALARM_PULSE_LAYER_ID,
      );
    const start = at(0);
    const quarter = at(PULSE_PERIOD_MS / 4);
    const half = at(PULSE_PERIOD_MS / 2);
    expect(prop(start, 'radiusScale')).toBe(1);
    expect(Number(prop(quarter, 'radiusScale'))).toBeGreaterThan(1);
    expect(Number(prop(half, 'radiusScale'))).toBeGreaterThan(Number(prop(quarter, 'radiusScale')));
    expect(Number(half.props.opacity)).toBeLessThan(Number(quarter.props.opacity));
    expect(prop(at(PULSE_PERIOD_MS), 'radiusScale')).toBe(prop(start, 'radiusScale'));
  });

  it('runs the second ring half a period behind, and scales ring opacity by the layer opacity', () => {
    const layers = renderAlarms(alarmsData, context({ animationTime: 0, opacity: 0.5 }));
    expect(deckLayer(layers, ALARM_PULSE_LAYER_ID).props.opacity).toBe(0.5);
    expect(deckLayer(layers, INCIDENT_PULSE_LAYER_ID).props.opacity).toBeCloseTo(0.25);
    expect(prop(deckLayer(layers, INCIDENT_PULSE_LAYER_ID), 'radiusScale')).toBe(
      pulseRing(0.5).radiusScale,
    );
    expect(deckLayer(layers, ALARMS_LAYER_ID).props.opacity).toBe(0.5);
  });

  it('does not recompute attributes per frame: the pulse has no update triggers', () => {
    for (const layer of renderAlarms(alarmsData, context({ animationTime: 1234 }))) {
      expect(prop(layer, 'updateTriggers'), layer.id).toEqual({});
    }
  });

  it.each([
    [0, 1],
    [1, 3],
    [2, 2],
    [3, 3],
  ])('sizes and colours alarm %i by severity %i', (index, severity) => {
    const core = deckLayer(renderAlarms(alarmsData, context()), ALARMS_LAYER_ID);
    expect(accessor(core, 'getRadius')(alarms[index]!, index)).toBe(
      SEVERITY_RADIUS_PIXELS[severity as 1 | 2 | 3],
    );
    expect(plain(accessor(core, 'getFillColor')(alarms[index]!, index))).toEqual([
      ...SEVERITY_COLOR[severity as 1 | 2 | 3],
    ]);
  });

  it('tells a confirmed fire from a detector alarm: mark, outline and second ring', () => {
    const layers = renderAlarms(alarmsData, context());
    const mark = accessor(deckLayer(layers, INCIDENT_MARK_LAYER_ID), 'getText');
    const outline = accessor(deckLayer(layers, ALARMS_LAYER_ID), 'getLineColor');
    const second = accessor(deckLayer(layers, INCIDENT_PULSE_LAYER_ID), 'getRadius');
    expect(mark(alarms[1]!, 1)).toBe('!');
    expect(mark(alarms[0]!, 0)).toBe('');
    expect(plain(outline(alarms[1]!, 1))).not.toEqual(plain(outline(alarms[0]!, 0)));
    expect(Number(second(alarms[1]!, 1))).toBeGreaterThan(0);
    expect(second(alarms[0]!, 0)).toBe(0);
  });

  it('describes status, severity, source, start time and address', () => {
    const t = strictTranslate(fireDomain.messages, 'en');
    const zh = strictTranslate(fireDomain.messages, 'zh-CN');
    const fire = alarmsLayer.describe({
      feature: alarms[1]!,
      index: 1,
      state: null,
      language: 'en',
      t,
    });
    expect(fire.primary).toEqual({
      label: 'Alarm',
      value: 'Confirmed fire · high severity',
      level: 'alarm',
    });
    expect(fire.rows.find((row) => row.label === 'Address')?.value).toBe('12 Zhongshan Road');
    expect(fire.rows.find((row) => row.label === 'Started')?.value).toMatch(/\d/);
    const detector = alarmsLayer.describe({
      feature: alarms[0]!,
      index: 0,
      state: null,
      language: 'zh-CN',
      t: zh,
    });
    expect(detector.primary).toEqual({
      label: '警情',
      value: '报警（待确认） · 严重程度低',
      level: 'warning',
    });
    expect(detector.rows.find((row) => row.label === '地址')?.value).toBe('中山路 12 号');
    const medium = alarmsLayer.describe({
      feature: alarms[2]!,
      index: 2,
      state: null,
      language: 'en',
      t,
    });
    expect(medium.rows.find((row) => row.label === 'Started')?.value).toBe('Not recorded');
  });
});

checkDomainModule(fireDomain, {
  'fire.stations': stationsData,
  'fire.hydrants': hydrantsData,
  'fire.alarms': alarmsData,
  'fire.units': layerData(
    [point('u1', { unitStatus: 'dispatched', stationId: 's1', incidentId: 'a1' })],
    null,
  ),
});

describe('fire.stations on the generated town', () => {
  it('fills every station from its own reading and describes it readably', () => {
    const town = loadFixtureLayerData('fire.stations');
    const disc = deckLayer(renderStations(town, context()), STATIONS_LAYER_ID);
    const t = strictTranslate(fireDomain.messages, 'zh-CN');
    featureObjects(town.geometry).forEach((feature, index) => {
      const readiness = stationReadiness(stateValue(town.state, 'availableUnits', index));
      const status =
        readiness === 'ready' ? 'normal' : readiness === 'allOut' ? 'warning' : 'unknown';
      expect(plain(accessor(disc, 'getFillColor')(feature, index))).toEqual([
        ...statusColors[status],
      ]);
      expectReadable(
        stationsLayer.describe({ feature, index, state: town.state, language: 'zh-CN', t }),
      );
    });
  });
});

describe('fire.hydrants on the generated town', () => {
  it('styles every hydrant from its own reading', () => {
    const town = loadFixtureLayerData('fire.hydrants');
    const [layer] = renderHydrants(town, context());
    featureObjects(town.geometry).forEach((feature, index) => {
      const service = hydrantService(stateValue(town.state, 'inService', index));
      expect(plain(accessor(layer!, 'getFillColor')(feature, index))).toEqual([
        ...HYDRANT_STYLE[service].fill,
      ]);
    });
  });
});

describe('fire.alarms on the generated town', () => {
  it('draws and describes every current alarm', () => {
    const town = loadFixtureLayerData('fire.alarms');
    const core = deckLayer(renderAlarms(town, context()), ALARMS_LAYER_ID);
    for (const language of ['zh-CN', 'en'] as const) {
      const t = strictTranslate(fireDomain.messages, language);
      featureObjects(town.geometry).forEach((feature, index) => {
        expect(Number(accessor(core, 'getRadius')(feature, index))).toBeGreaterThan(0);
        expectReadable(alarmsLayer.describe({ feature, index, state: town.state, language, t }));
      });
    }
  });
});
