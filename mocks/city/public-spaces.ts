/**
 * Public spaces whose crowds are watched: the park around the lake, small parks, plazas, transit
 * hubs and venues. Capacity is what the space holds safely; occupancy is compared against it.
 */
import type { LocalizedText } from '../../src/data/schemas';
import type { Block, SpecialUse } from './blocks';
import { ellipseRing, ringArea, ringCentroid, type Ring, type XY } from './geo';
import { PLAZA_NAMES, VENUE_KINDS, text, type NamePair } from './names';
import type { Rng } from './prng';
import type { WaterPlan } from './water';

export type SpaceKind = SpecialUse;

export interface PublicSpace {
  readonly id: string;
  readonly spaceKind: SpaceKind;
  readonly name: LocalizedText;
  readonly polygon: Ring;
  /** Rings cut out of the polygon (the lake in its park). */
  readonly holes: readonly Ring[];
  readonly center: XY;
  readonly capacity: number;
  readonly areaM2: number;
}

/** Square metres per person a space holds comfortably, by kind. */
const AREA_PER_PERSON_M2: Readonly<Record<'park' | 'plaza', number>> = { park: 8, plaza: 2 };

export function planPublicSpaces(
  rng: Rng,
  blocks: readonly Block[],
  water: WaterPlan,
  cityName: NamePair,
): PublicSpace[] {
  const spaces: PublicSpace[] = [];
  const usedNames = new Set<string>();
  const add = (space: Omit<PublicSpace, 'id' | 'center' | 'areaM2'>): void => {
    const holesArea = space.holes.reduce((sum, hole) => sum + Math.abs(ringArea(hole)), 0);
    usedNames.add(space.name.zh);
    spaces.push({
      ...space,
      id: `ps-${String(spaces.length + 1).padStart(3, '0')}`,
      center: ringCentroid(space.polygon),
      areaM2: Math.round(Math.abs(ringArea(space.polygon)) - holesArea),
    });
  };
  const lakeRing = water.bodies.find((body) => body.kind === 'lake')?.polygon ?? [];
  const lakePark = ellipseRing(water.lakePark, 48, 0.03, rng.range(0, Math.PI));
  const lakeParkArea = Math.abs(ringArea(lakePark)) - Math.abs(ringArea(lakeRing));
  add({
    spaceKind: 'park',
    name: { zh: `${water.lakeRoot[0]}公园`, en: `${water.lakeRoot[1]} Park` },
    polygon: lakePark,
    // Holes wind clockwise.
    holes: [[...lakeRing].reverse()],
    capacity: Math.round(lakeParkArea / AREA_PER_PERSON_M2.park / 100) * 100,
  });

  const plazaNames = rng.shuffle(PLAZA_NAMES);
  const venueKinds = rng.shuffle(VENUE_KINDS);
  let transitCount = 0;
  for (const block of blocks) {
    if (!block.special) continue;
    const area = Math.abs(ringArea(block.quad));
    const street = block.frontage.name;
    switch (block.special) {
      case 'park': {
        const name = unique(usedNames, { zh: `${street.zh}绿地`, en: `${street.en} Green` });
        add({
          spaceKind: 'park',
          name,
          polygon: block.quad,
          holes: [],
          capacity: roundCapacity(area / AREA_PER_PERSON_M2.park),
        });
        break;
      }
      case 'plaza': {
        const name = unique(usedNames, text(plazaNames.shift() ?? ['广场', 'Square']));
        add({
          spaceKind: 'plaza',
          name,
          polygon: block.quad,
          holes: [],
          capacity: roundCapacity(area / AREA_PER_PERSON_M2.plaza),
        });
        break;
      }
      case 'transit': {
        // The first hub is the railway station, the others are metro interchanges.
        const name =
          transitCount === 0
            ? { zh: `${cityName[0]}站`, en: `${cityName[1]} Railway Station` }
            : unique(usedNames, { zh: `${street.zh}站`, en: `${street.en} Station` });
        const capacity = transitCount === 0 ? rng.int(15, 25) * 1000 : rng.int(3, 10) * 1000;
        transitCount++;
        add({ spaceKind: 'transit', name, polygon: block.quad, holes: [], capacity });
        break;
      }
      case 'venue': {
        const kind = venueKinds.shift() ?? rng.pick(VENUE_KINDS);
        const name = unique(usedNames, {
          zh: `${cityName[0]}${kind[0]}`,
          en: `${cityName[1]} ${kind[1]}`,
        });
        add({
          spaceKind: 'venue',
          name,
          polygon: block.quad,
          holes: [],
          capacity: venueCapacity(rng, kind),
        });
        break;
      }
    }
  }
  return spaces;
}

function roundCapacity(people: number): number {
  return Math.max(100, Math.round(people / 50) * 50);
}

/** Stadiums hold tens of thousands, concert halls a couple of thousand. */
function venueCapacity(rng: Rng, kind: NamePair): number {
  if (kind[1] === 'Sports Centre') return rng.int(30, 60) * 1000;
  if (kind[1] === 'Exhibition Centre' || kind[1] === 'Arena') return rng.int(8, 20) * 1000;
  return rng.int(12, 40) * 100;
}

/** Adds a number to a name already taken (四川路绿地2号 / Sichuan Road Green 2). */
function unique(used: Set<string>, name: LocalizedText): LocalizedText {
  let candidate = name;
  for (let n = 2; used.has(candidate.zh); n++)
    candidate = { zh: `${name.zh}${n}号`, en: `${name.en} ${n}` };
  return candidate;
}
