import { describe, expect, it } from 'vitest';
import { readViewLink, writeViewLink, type SharedView } from '../../../src/app/share/view-link';

const known = {
  layerIds: ['traffic.roads', 'pipes.water', 'fire.alarms'],
  kpiIds: ['traffic.congestion-index'],
};
const view: SharedView = {
  camera: { center: [121.471234, 31.228765], zoom: 15.25, bearing: 30, pitch: 45 },
  visibleLayers: ['traffic.roads', 'fire.alarms'],
  selection: { layerId: 'traffic.roads', featureId: 'r-12-f' },
  alarmId: 'al-hjq8n-wu71z2',
  filters: {
    domain: 'pipes',
    department: 'water-utility',
    step: 'active',
    areaId: 'd-05',
    severity: 3,
  },
  language: 'zh-CN',
  time: Date.parse('2026-11-26T08:30:00Z'),
  kpiId: 'traffic.congestion-index',
};

describe('the view as a link', () => {
  it('reads back what it writes, and keeps the parameters it does not own', () => {
    const search = writeViewLink(
      view,
      '?config=%2Fdemo-town.config.json&mockFaults=fire.hydrants%3A500&cam=1,2,3',
    );
    const params = new URLSearchParams(search);
    expect(params.get('config')).toBe('/demo-town.config.json');
    expect(params.get('mockFaults')).toBe('fire.hydrants:500');
    expect(readViewLink(search, known)).toEqual({ view, ignored: [] });
  });

  it('writes nothing for what the view does not hold', () => {
    const empty: SharedView = {
      camera: null,
      visibleLayers: null,
      selection: null,
      alarmId: null,
      filters: { domain: null, department: null, step: null, areaId: null, severity: null },
      language: null,
      time: null,
      kpiId: null,
    };
    expect(writeViewLink(empty, '')).toBe('');
    expect(readViewLink('', known)).toEqual({ view: empty, ignored: [] });
    expect(
      readViewLink(writeViewLink({ ...empty, visibleLayers: [] }, ''), known).view.visibleLayers,
    ).toEqual([]);
  });

  it('ignores bad and hostile values one by one, naming them, and keeps the good ones', () => {
    const hostile = new URLSearchParams({
      cam: 'NaN,31,12',
      layers: 'traffic.roads,<img src=x onerror=alert(1)>',
      sel: 'traffic.roads:<script>alert(1)</script>',
      alarm: 'a'.repeat(5_000),
      domain: '../../etc/passwd',
      step: 'deleted',
      sev: '9',
      lang: 'fr',
      area: 'd-05',
      t: 'yesterday at noon',
      kpi: 'parking.free-spaces',
    });
    const { view: read, ignored } = readViewLink(`?${hostile.toString()}`, known);
    expect([...ignored].sort()).toEqual([
      'alarm',
      'cam',
      'domain',
      'kpi',
      'lang',
      'layers',
      'sel',
      'sev',
      'step',
      't',
    ]);
    expect(read).toMatchObject({
      camera: null,
      visibleLayers: null,
      selection: null,
      alarmId: null,
      language: null,
      filters: { domain: null, step: null, severity: null, areaId: 'd-05' },
    });
  });

  it('refuses cameras off the map and layers of another configuration', () => {
    for (const cam of [
      '200,31,12',
      '121,89,12',
      '121,31,40',
      '121,31',
      '121,31,12,0',
      '121,31,12,0,120',
    ])
      expect(readViewLink(`?cam=${cam}`, known).ignored).toEqual(['cam']);
    expect(readViewLink('?layers=traffic.roads,parking.lots', known).ignored).toEqual(['layers']);
    expect(readViewLink('?sel=parking.lots:p-1', known).ignored).toEqual(['sel']);
  });

  it('reads a time cursor only as a date-time with its offset', () => {
    expect(readViewLink('?t=2026-11-26T16:30:00%2B08:00', known).view.time).toBe(
      Date.parse('2026-11-26T08:30:00Z'),
    );
    for (const t of ['1764145800000', '2026-11-26', '2026-11-26T16:30:00', '2026-13-40T99:00Z'])
      expect(readViewLink(`?t=${t}`, known).ignored).toEqual(['t']);
  });
});
