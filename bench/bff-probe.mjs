// Loaded into a bench's BFF process (`node --expose-gc --import`), never into Zenith itself: what only the process can
// see of itself, asked for by the bench over the IPC channel, so that the BFF's code and output stay as they ship.
//   'sample'  the event loop's delay since the previous sample (Node's histogram, sampled every `resolutionMs`)
//   'gc'      a full garbage collection first, then the same answer (what RSS the live objects need, not the garbage)
// Each answer also gives V8's heap and the memory outside it, to tell what an RSS figure is made of.
import { monitorEventLoopDelay } from 'node:perf_hooks';

const resolutionMs = 10;
const delay = monitorEventLoopDelay({ resolution: resolutionMs });
delay.enable();

// The histogram holds each whole interval between two samples: the delay is what exceeds the timer's own interval.
const excessMs = (nanoseconds) => Math.max(0, nanoseconds / 1e6 - resolutionMs);

process.on('message', (command) => {
  if (command === 'gc') globalThis.gc?.();
  const { heapUsed, heapTotal, external } = process.memoryUsage();
  const mib = (bytes) => bytes / 1024 / 1024;
  process.send?.({
    heap: { usedMib: mib(heapUsed), totalMib: mib(heapTotal), externalMib: mib(external) },
    eventLoopDelay: {
      samples: delay.count,
      p50: excessMs(delay.percentile(50)),
      p99: excessMs(delay.percentile(99)),
      max: excessMs(delay.max),
    },
  });
  delay.reset();
});
// Listening for messages holds the process open; the BFF must still exit on its own when it shuts down.
process.channel?.unref();
