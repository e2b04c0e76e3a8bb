/** Size presets: everything that differs between a small town and a city lives here. */

export const CITY_SCALES = ['town', 'city', 'megacity'] as const;
export type CityScale = (typeof CITY_SCALES)[number];

export function isCityScale(value: string): value is CityScale {
  return (CITY_SCALES as readonly string[]).includes(value);
}

export interface ScaleParameters {
  /** Half the side of the square city extent, metres. */
  readonly halfExtentM: number;
  /** Distance between neighbouring streets of the grid, metres. */
  readonly streetSpacingM: number;
  /** Every n-th grid line is an arterial. */
  readonly arterialEvery: number;
  /** Amplitude of the large-scale bend of the street grid, metres. */
  readonly warpM: number;
  readonly riverWidthM: number;
  readonly riverMeanderM: number;
  readonly lakeRadiusM: readonly [x: number, y: number];
  /** District lattices to choose from (columns × rows). */
  readonly districtLayouts: readonly (readonly [columns: number, rows: number])[];
  /** 'ring': an inner ring plus a cross-town line; 'cross': one north–south and one east–west line. */
  readonly expressways: 'ring' | 'cross';
  readonly fireStations: number;
  readonly pumps: number;
  readonly transitHubs: number;
  readonly venues: number;
  readonly plazas: number;
  /** Share of blocks that are small parks. */
  readonly parkShare: number;
  /** Map zoom that shows the whole city on a ~1000 px wide screen. */
  readonly zoom: number;
  /**
   * Service lines from the street pipes to the buildings, as a utility's asset register lists
   * them. They multiply the pipe count about fourfold, so only the megacity has them: its pipe
   * layers are the size of a real metropolis's.
   */
  readonly serviceLines: boolean;
}

export const SCALES: Readonly<Record<CityScale, ScaleParameters>> = {
  town: {
    halfExtentM: 2000,
    streetSpacingM: 170,
    arterialEvery: 4,
    warpM: 45,
    riverWidthM: 90,
    riverMeanderM: 160,
    lakeRadiusM: [240, 160],
    districtLayouts: [
      [2, 2],
      [3, 2],
    ],
    expressways: 'cross',
    fireStations: 3,
    pumps: 3,
    transitHubs: 3,
    venues: 2,
    plazas: 3,
    parkShare: 0.025,
    zoom: 14,
    serviceLines: false,
  },
  city: {
    halfExtentM: 6000,
    streetSpacingM: 200,
    arterialEvery: 4,
    warpM: 130,
    riverWidthM: 170,
    riverMeanderM: 420,
    lakeRadiusM: [620, 400],
    districtLayouts: [
      [3, 3],
      [4, 2],
    ],
    expressways: 'ring',
    fireStations: 8,
    pumps: 10,
    transitHubs: 12,
    venues: 6,
    plazas: 10,
    parkShare: 0.02,
    zoom: 12.4,
    serviceLines: false,
  },
  /** About 200,000 road segments and a million pipe segments (with the service lines). */
  megacity: {
    halfExtentM: 20_000,
    streetSpacingM: 160,
    arterialEvery: 5,
    warpM: 400,
    riverWidthM: 320,
    riverMeanderM: 1400,
    lakeRadiusM: [1800, 1100],
    districtLayouts: [
      [6, 5],
      [5, 5],
    ],
    expressways: 'ring',
    fireStations: 60,
    pumps: 60,
    transitHubs: 60,
    venues: 24,
    plazas: 40,
    parkShare: 0.02,
    zoom: 10.6,
    serviceLines: true,
  },
};
