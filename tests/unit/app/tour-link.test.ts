import { describe, expect, it } from 'vitest';
import { readTourIndex, writeTourIndex } from '../../../src/app/wall/tour-link';

describe('the tour in the link', () => {
  it('reads the view index the link names', () => {
    expect(readTourIndex('?mode=wall&tour=2')).toBe(2);
  });

  it('starts at the first view without a usable index', () => {
    for (const search of [
      '',
      '?tour=',
      '?tour=-1',
      '?tour=1.5',
      '?tour=x',
      '?tour=1e1',
      '?tour=12345',
    ])
      expect(readTourIndex(search), search).toBe(0);
  });

  it('writes the index and keeps every other parameter', () => {
    const search = writeTourIndex('?mode=wall&cam=1,2,3&tour=0', 3);
    const params = new URLSearchParams(search);
    expect(params.get('tour')).toBe('3');
    expect(params.get('mode')).toBe('wall');
    expect(params.get('cam')).toBe('1,2,3');
    expect(readTourIndex(search)).toBe(3);
  });
});
