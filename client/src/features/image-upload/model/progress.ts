// Upload speed and time left from progress events: speed over the last few seconds, so a stall shows as one
// instead of being averaged away by the start of the upload.

export interface ProgressSample {
  /** Milliseconds (performance.now()). */
  at: number;
  loaded: number;
}

export interface UploadProgress {
  loaded: number;
  total: number;
  /** Bytes per second; undefined until two samples a measurable time apart exist. */
  bytesPerSecond?: number;
  /** Seconds; undefined while the speed is unknown or zero. */
  secondsLeft?: number;
}

const speedWindowMs = 3000;

/** The samples to keep after adding `sample`: those inside the window, and the last one before it as the base. */
export function addSample(samples: readonly ProgressSample[], sample: ProgressSample): ProgressSample[] {
  const next = [...samples, sample];
  const firstInWindow = next.findIndex((candidate) => sample.at - candidate.at <= speedWindowMs);
  return next.slice(Math.max(0, firstInWindow - 1));
}

export function measureProgress(samples: readonly ProgressSample[], total: number): UploadProgress {
  const last = samples.at(-1);
  if (!last) return { loaded: 0, total };
  const first = samples[0]!;
  const elapsedMs = last.at - first.at;
  if (elapsedMs <= 0) return { loaded: last.loaded, total };
  const bytesPerSecond = ((last.loaded - first.loaded) * 1000) / elapsedMs;
  const secondsLeft = bytesPerSecond > 0 ? Math.max(0, total - last.loaded) / bytesPerSecond : undefined;
  return { loaded: last.loaded, total, bytesPerSecond, secondsLeft };
}
