/**
 * Ranking search entries against what the operator typed: whole-word and prefix matches first,
 * then matches inside a name (Chinese names have no spaces to split on), case-insensitive and
 * accent-insensitive (match-sorter's ranking).
 */
import { matchSorter, rankings } from 'match-sorter';
import type { SearchEntry } from './search-entries';

export const MAX_RESULTS = 30;

export function rankEntries(entries: readonly SearchEntry[], query: string, limit = MAX_RESULTS): SearchEntry[] {
  const text = query.trim();
  if (!text) return [];
  return matchSorter(entries as SearchEntry[], text, {
    keys: [(entry) => [...entry.terms]],
    threshold: rankings.CONTAINS,
  }).slice(0, limit);
}
