/**
 * How many reports of each kind a day brings, and how that changes through the year (January
 * first). Potholes follow freeze and thaw, so peak in winter; streetlight faults are noticed when
 * the nights are long; drains block with autumn leaves and winter rain.
 */
export const REPORTS_PER_DAY: Record<string, number> = { pothole: 4, streetlight: 3, blocked_drain: 1.8 };

export const MONTHLY_WEIGHT: Record<string, readonly number[]> = {
  pothole: [1.8, 1.7, 1.4, 1.0, 0.7, 0.5, 0.5, 0.5, 0.7, 0.9, 1.2, 1.6],
  streetlight: [1.6, 1.3, 1.0, 0.7, 0.5, 0.4, 0.4, 0.5, 0.9, 1.4, 1.7, 1.8],
  blocked_drain: [1.3, 1.2, 1.0, 0.8, 0.7, 0.8, 0.9, 1.0, 1.0, 1.5, 1.6, 1.4],
};

/** Knuth's method: fine for the small daily means here. */
export function poisson(mean: number, next: () => number): number {
  const limit = Math.exp(-mean);
  let product = next();
  let count = 0;
  while (product > limit) {
    count++;
    product *= next();
  }
  return count;
}
