/**
 * The embedded base map: the same city as the data, as plain GeoJSON layers plus labels, so the
 * demo needs no tile server and no vendor token, and the map under the data always matches it.
 */
import type { Basemap, BasemapLabel, LocalizedText } from '../../src/data/schemas';
import type { CityModel } from '../city/generate-city';
import { lerp, pointAlong, polylineLength, ringCentroid, type Ring, type XY } from '../city/geo';
import { perCity } from '../city/per-city';
import { toPosition } from '../city/projection';
import { featureCollection, lineFeature, polygonFeature } from './features';

/** Label rank: lower is more important and stays visible at lower zoom. */
const RANK = { district: 1, expressway: 2, river: 2, arterial: 3, lake: 3, place: 5 } as const;

export const buildBasemap = perCity((city): Basemap => {
  const origin = city.origin;
  const label = (
    kind: BasemapLabel['kind'],
    text: LocalizedText,
    at: XY,
    rank: number,
  ): BasemapLabel => ({
    kind,
    text,
    position: toPosition(origin, at),
    rank,
  });
  const labels: BasemapLabel[] = [
    ...city.districts.map((district) =>
      label('district', district.name, district.centroid, RANK.district),
    ),
    ...city.water.flatMap((body) =>
      body.kind === 'river'
        ? riverLabelPoints(body.polygon).map((at) => label('water', body.name, at, RANK.river))
        : [label('water', body.name, ringCentroid(body.polygon), RANK.lake)],
    ),
    ...roadLabels(city).map(({ name, at, rank }) => label('road', name, at, rank)),
    ...city.publicSpaces.map((space) => label('place', space.name, space.center, RANK.place)),
  ];
  const parks = city.publicSpaces.filter(
    (space) => space.spaceKind === 'park' || space.spaceKind === 'plaza',
  );
  return {
    water: featureCollection(
      city.water.map((body) =>
        polygonFeature(origin, body.id, [body.polygon], { name: body.name, kind: body.kind }),
      ),
    ),
    landuse: featureCollection(
      city.blocks.map((block) =>
        polygonFeature(origin, `lu-${block.id}`, [block.quad], { landuse: block.landuse }),
      ),
    ),
    parks: featureCollection(
      parks.map((space) =>
        polygonFeature(origin, space.id, [space.polygon, ...space.holes], {
          name: space.name,
          kind: space.spaceKind,
        }),
      ),
    ),
    roads: featureCollection(
      city.roads.edges.map((edge) =>
        lineFeature(origin, `e-${edge.id}`, edge.points, {
          roadClass: edge.roadClass,
          name: city.roads.streets[edge.streetId]!.name,
          bridge: edge.bridge,
        }),
      ),
    ),
    buildings: featureCollection(
      city.buildings.map((building) =>
        polygonFeature(origin, building.id, [building.polygon], { heightM: building.heightM }),
      ),
    ),
    districts: featureCollection(
      city.districts.map((district) =>
        polygonFeature(origin, district.id, [district.polygon], { name: district.name }),
      ),
    ),
    labels,
  };
});

/** One label per named arterial or expressway, on its middle segment. */
function roadLabels(city: CityModel): { name: LocalizedText; at: XY; rank: number }[] {
  return city.roads.streets.flatMap((street) => {
    if (street.roadClass === 'local' || street.edgeIds.length === 0) return [];
    const middle = city.roads.edges[street.edgeIds[Math.floor(street.edgeIds.length / 2)]!]!;
    const at = pointAlong(middle.points, polylineLength(middle.points) / 2);
    return [
      {
        name: street.name,
        at,
        rank: street.roadClass === 'expressway' ? RANK.expressway : RANK.arterial,
      },
    ];
  });
}

/**
 * Two points on the river's centreline, a quarter of the way in from each end. The river ring is
 * its south bank west to east followed by its north bank east to west.
 */
function riverLabelPoints(ring: Ring): XY[] {
  const bankPoints = Math.floor(ring.length / 2);
  return [0.25, 0.75].map((fraction) => {
    const k = Math.floor(fraction * (bankPoints - 1));
    return lerp(ring[k]!, ring[ring.length - 1 - k]!, 0.5);
  });
}
