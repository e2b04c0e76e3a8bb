/**
 * The tour's current view in the page's link (`tour`, its index in the loop), so that a reload,
 * the watchdog's included, comes back to the view the wall showed and not to the tour's start.
 * The other parameters of the link are left as they are.
 */
export const TOUR_PARAM = 'tour';

/** More views than any tour has: a larger index in a link is not one the wall wrote. */
const MAX_INDEX = 999;

/**
 * The view index the link names, or 0. Not checked against the tour: its views may not all be
 * known yet (the default tour's districts), and the tour takes an index beyond them modulo.
 */
export function readTourIndex(search: string): number {
  const text = new URLSearchParams(search).get(TOUR_PARAM);
  if (text === null || !/^\d{1,3}$/.test(text)) return 0;
  return Math.min(Number(text), MAX_INDEX);
}

/** The link's query with the tour at `index`. */
export function writeTourIndex(search: string, index: number): string {
  const params = new URLSearchParams(search);
  params.set(TOUR_PARAM, String(index));
  return `?${params.toString()}`;
}
