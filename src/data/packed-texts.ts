/**
 * Many short texts in two typed arrays: their UTF-8 bytes one after another, and where each
 * ends. A million ids held this way cost the JS heap nothing (the bytes live outside it) and
 * cross to a worker or back without copying; one text is decoded when it is asked for.
 */
export interface PackedTexts {
  readonly bytes: Uint8Array;
  /** `ends[i]` is where text i's bytes end; text i starts where text i − 1 ends (0 for the first). */
  readonly ends: Uint32Array;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function packTexts(texts: readonly string[]): PackedTexts {
  const encoded = texts.map((text) => encoder.encode(text));
  const ends = new Uint32Array(texts.length);
  let size = 0;
  encoded.forEach((bytes, index) => {
    size += bytes.length;
    ends[index] = size;
  });
  const bytes = new Uint8Array(size);
  encoded.forEach((text, index) => bytes.set(text, index === 0 ? 0 : ends[index - 1]!));
  return { bytes, ends };
}

export function packedCount(packed: PackedTexts): number {
  return packed.ends.length;
}

function startOf(packed: PackedTexts, index: number): number {
  return index === 0 ? 0 : packed.ends[index - 1]!;
}

export function packedText(packed: PackedTexts, index: number): string {
  return decoder.decode(packed.bytes.subarray(startOf(packed, index), packed.ends[index]));
}

/** Whether text `index` is exactly these UTF-8 bytes (compared in place, nothing decoded). */
export function packedEquals(packed: PackedTexts, index: number, utf8: Uint8Array): boolean {
  const start = startOf(packed, index);
  if (packed.ends[index]! - start !== utf8.length) return false;
  for (let k = 0; k < utf8.length; k++) if (packed.bytes[start + k] !== utf8[k]) return false;
  return true;
}

/**
 * Whether text `index` is `text`, compared in place: an ASCII text (ids mostly are) is compared
 * char by byte without encoding it; any other is encoded once.
 */
export function packedIs(packed: PackedTexts, index: number, text: string): boolean {
  const start = startOf(packed, index);
  const size = packed.ends[index]! - start;
  // UTF-8 never takes fewer bytes than UTF-16 takes code units.
  if (size < text.length) return false;
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (code >= 0x80) return packedEquals(packed, index, encoder.encode(text));
    if (packed.bytes[start + k] !== code) return false;
  }
  return size === text.length;
}

/** Whether two packings hold the same texts in the same order (compared byte for byte). */
export function samePackedTexts(a: PackedTexts, b: PackedTexts): boolean {
  if (a === b) return true;
  if (a.ends.length !== b.ends.length || a.bytes.length !== b.bytes.length) return false;
  for (let k = 0; k < a.ends.length; k++) if (a.ends[k] !== b.ends[k]) return false;
  for (let k = 0; k < a.bytes.length; k++) if (a.bytes[k] !== b.bytes[k]) return false;
  return true;
}

/** FNV-1a over bytes: short, fast and spread well enough for an open-addressing table. */
function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let k = start; k < end; k++) {
    hash ^= bytes[k]!;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * A lookup table from text to its first index: open addressing over a power-of-two number of
 * slots (at least twice the texts), each slot an index or −1. Built where the texts are packed
 * (off the main thread), handed over with them.
 */
export function textSlots(packed: PackedTexts): Int32Array {
  const count = packedCount(packed);
  let size = 2;
  while (size < count * 2) size *= 2;
  const slots = new Int32Array(size).fill(-1);
  const mask = size - 1;
  for (let index = 0; index < count; index++) {
    let slot = hashBytes(packed.bytes, startOf(packed, index), packed.ends[index]!) & mask;
    for (;;) {
      const held = slots[slot]!;
      if (held < 0) {
        slots[slot] = index;
        break;
      }
      // The same text again: the first index keeps the slot.
      if (sameText(packed, held, index)) break;
      slot = (slot + 1) & mask;
    }
  }
  return slots;
}

function sameText(packed: PackedTexts, a: number, b: number): boolean {
  return packedEquals(packed, a, packed.bytes.subarray(startOf(packed, b), packed.ends[b]));
}

/** The first index of `text` through `textSlots`' table, −1 when it is not there. */
export function packedIndexOf(packed: PackedTexts, slots: Int32Array, text: string): number {
  const utf8 = encoder.encode(text);
  const mask = slots.length - 1;
  let slot = hashBytes(utf8, 0, utf8.length) & mask;
  for (;;) {
    const index = slots[slot]!;
    if (index < 0) return -1;
    if (packedEquals(packed, index, utf8)) return index;
    slot = (slot + 1) & mask;
  }
}
