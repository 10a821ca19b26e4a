// Latency figures as the benchmarks print them.

/** The value below which `fraction` of the sorted values lie (nearest rank); NaN for none. */
export function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? Number.NaN;
}

export const ascending = (values: number[]) => [...values].sort((a, b) => a - b);
