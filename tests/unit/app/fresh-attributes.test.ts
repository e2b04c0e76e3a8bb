import { describe, expect, it } from 'vitest';
import { freshAttributes } from '../../../src/app/console/fresh-attributes';
import { AdapterError } from '../../../src/data/errors';
import type { Feature } from '../../../src/data/schemas';

const road: Feature = {
  type: 'Feature',
  id: 'r-1',
  geometry: { type: 'Point', coordinates: [121, 31] },
  properties: { lanes: 4 },
};

describe('the attributes of the selected feature', () => {
  it("are the source's own once read, and say so meanwhile", () => {
    expect(freshAttributes(true, { error: null })).toEqual({
      feature: null,
      status: 'reading',
      error: null,
    });
    expect(freshAttributes(true, { data: { data: road, fetchedAt: 1 }, error: null })).toEqual({
      feature: road,
      status: 'fresh',
      error: null,
    });
  });

  it("fall back to the layer's copy when the read fails, saying why", () => {
    const error = new AdapterError('http', 'traffic.roads: HTTP 503', {
      resource: 'traffic.roads',
      status: 503,
    });
    expect(freshAttributes(true, { error })).toEqual({
      feature: null,
      status: 'failed',
      error: 'traffic.roads: HTTP 503',
    });
  });

  it('say nothing where the source cannot be asked for one feature', () => {
    const unsupported = new AdapterError('unsupported', 'no single feature', { resource: 'x' });
    expect(freshAttributes(true, { error: unsupported }).status).toBe('none');
    expect(freshAttributes(false, { error: null }).status).toBe('none');
  });
});
