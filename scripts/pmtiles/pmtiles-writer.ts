/**
 * Writes a PMTiles v3 archive (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md)
 * from tiles already encoded. The `pmtiles` package reads archives but does not write them, and no
 * writer is to be had from npm or Debian here, so this follows the spec: a 127-byte header, a root
 * directory (with leaf directories when it would not fit in the first 16 KiB), JSON metadata, then
 * the tile data in tile-id order, identical tiles stored once. Directories and metadata are
 * gzipped; tiles are stored as given (say how in `tileCompression`).
 */
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { Compression, TileType, zxyToTileId } from 'pmtiles';

export interface ArchiveTile {
  readonly z: number;
  readonly x: number;
  readonly y: number;
  readonly data: Uint8Array;
}

export interface ArchiveOptions {
  readonly tileType: TileType;
  readonly tileCompression: Compression;
  /** [west, south, east, north] of the data. */
  readonly bounds: readonly [number, number, number, number];
  readonly center?: readonly [number, number, number];
  /** Written as the archive's JSON metadata (e.g. `vector_layers`). */
  readonly metadata: Record<string, unknown>;
  /**
   * Largest root directory before leaf directories are used (default: what fits with the header
   * in the 16 KiB a reader fetches first).
   */
  readonly maxRootBytes?: number;
}

interface Entry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

const HEADER_BYTES = 127;
/** The header and the root directory must fit in the first 16 KiB a reader fetches. */
const MAX_ROOT_BYTES = 16_384 - 127;
/** Entries per leaf directory, when leaves are needed. */
const LEAF_ENTRIES = 4_096;

function pushVarint(out: number[], value: number): void {
  let rest = value;
  while (rest >= 0x80) {
    out.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  out.push(rest);
}

/** A directory as the spec encodes it, column by column, gzipped. */
function encodeDirectory(entries: readonly Entry[]): Uint8Array {
  const out: number[] = [];
  pushVarint(out, entries.length);
  let lastId = 0;
  for (const entry of entries) {
    pushVarint(out, entry.tileId - lastId);
    lastId = entry.tileId;
  }
  for (const entry of entries) pushVarint(out, entry.runLength);
  for (const entry of entries) pushVarint(out, entry.length);
  entries.forEach((entry, index) => {
    const previous = entries[index - 1];
    // 0: right after the previous entry's data; otherwise the offset plus one.
    pushVarint(
      out,
      previous && entry.offset === previous.offset + previous.length ? 0 : entry.offset + 1,
    );
  });
  return gzipSync(Uint8Array.from(out));
}

/** The root directory, and the leaf directories it points to when one directory is too big. */
function directories(
  entries: readonly Entry[],
  maxRootBytes: number,
): { root: Uint8Array; leaves: Uint8Array } {
  const whole = encodeDirectory(entries);
  if (whole.length <= maxRootBytes) return { root: whole, leaves: new Uint8Array() };
  const leafParts: Uint8Array[] = [];
  const rootEntries: Entry[] = [];
  let offset = 0;
  for (let start = 0; start < entries.length; start += LEAF_ENTRIES) {
    const leaf = encodeDirectory(entries.slice(start, start + LEAF_ENTRIES));
    // runLength 0 marks an entry that points to a leaf directory.
    rootEntries.push({ tileId: entries[start]!.tileId, offset, length: leaf.length, runLength: 0 });
    leafParts.push(leaf);
    offset += leaf.length;
  }
  const root = encodeDirectory(rootEntries);
  if (root.length > maxRootBytes)
    throw new Error(
      `${entries.length} tiles: the root directory does not fit in ${maxRootBytes} bytes`,
    );
  return { root, leaves: concat(leafParts) };
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const e7 = (degrees: number) => Math.round(degrees * 1e7);

function header(fields: {
  rootOffset: number;
  rootLength: number;
  metadataOffset: number;
  metadataLength: number;
  leavesOffset: number;
  leavesLength: number;
  dataOffset: number;
  dataLength: number;
  addressedTiles: number;
  entries: number;
  contents: number;
  clustered: boolean;
  options: ArchiveOptions;
  minZoom: number;
  maxZoom: number;
}): Uint8Array {
  const bytes = new Uint8Array(HEADER_BYTES);
  const view = new DataView(bytes.buffer);
  bytes.set(new TextEncoder().encode('PMTiles'), 0);
  bytes[7] = 3;
  const u64 = (at: number, value: number) => view.setBigUint64(at, BigInt(value), true);
  u64(8, fields.rootOffset);
  u64(16, fields.rootLength);
  u64(24, fields.metadataOffset);
  u64(32, fields.metadataLength);
  u64(40, fields.leavesOffset);
  u64(48, fields.leavesLength);
  u64(56, fields.dataOffset);
  u64(64, fields.dataLength);
  u64(72, fields.addressedTiles);
  u64(80, fields.entries);
  u64(88, fields.contents);
  bytes[96] = fields.clustered ? 1 : 0;
  bytes[97] = Compression.Gzip;
  bytes[98] = fields.options.tileCompression;
  bytes[99] = fields.options.tileType;
  bytes[100] = fields.minZoom;
  bytes[101] = fields.maxZoom;
  const [west, south, east, north] = fields.options.bounds;
  view.setInt32(102, e7(west), true);
  view.setInt32(106, e7(south), true);
  view.setInt32(110, e7(east), true);
  view.setInt32(114, e7(north), true);
  const [centerLon, centerLat, centerZoom] = fields.options.center ?? [
    (west + east) / 2,
    (south + north) / 2,
    fields.minZoom,
  ];
  bytes[118] = centerZoom;
  view.setInt32(119, e7(centerLon), true);
  view.setInt32(123, e7(centerLat), true);
  return bytes;
}

export function writePmtiles(tiles: readonly ArchiveTile[], options: ArchiveOptions): Uint8Array {
  if (tiles.length === 0) throw new Error('an archive needs at least one tile');
  const sorted = tiles
    .map((tile) => ({ ...tile, tileId: zxyToTileId(tile.z, tile.x, tile.y) }))
    .sort((a, b) => a.tileId - b.tileId);
  const entries: Entry[] = [];
  const contents = new Map<string, { offset: number; length: number }>();
  const data: Uint8Array[] = [];
  let dataLength = 0;
  let clustered = true;
  for (const tile of sorted) {
    const hash = createHash('sha256').update(tile.data).digest('hex');
    let stored = contents.get(hash);
    if (stored) clustered = false;
    else {
      stored = { offset: dataLength, length: tile.data.length };
      contents.set(hash, stored);
      data.push(tile.data);
      dataLength += tile.data.length;
    }
    const last = entries.at(-1);
    // The next tile id with the same content: one entry, one more in its run.
    if (last && last.offset === stored.offset && last.tileId + last.runLength === tile.tileId)
      last.runLength++;
    else entries.push({ tileId: tile.tileId, ...stored, runLength: 1 });
  }
  const { root, leaves } = directories(entries, options.maxRootBytes ?? MAX_ROOT_BYTES);
  const metadata = gzipSync(new TextEncoder().encode(JSON.stringify(options.metadata)));
  const rootOffset = HEADER_BYTES;
  const metadataOffset = rootOffset + root.length;
  const leavesOffset = metadataOffset + metadata.length;
  const dataOffset = leavesOffset + leaves.length;
  const zooms = sorted.map((tile) => tile.z);
  return concat([
    header({
      rootOffset,
      rootLength: root.length,
      metadataOffset,
      metadataLength: metadata.length,
      leavesOffset,
      leavesLength: leaves.length,
      dataOffset,
      dataLength,
      addressedTiles: sorted.length,
      entries: entries.length,
      contents: contents.size,
      clustered,
      options,
      minZoom: Math.min(...zooms),
      maxZoom: Math.max(...zooms),
    }),
    root,
    metadata,
    leaves,
    ...data,
  ]);
}

export { Compression, TileType };
