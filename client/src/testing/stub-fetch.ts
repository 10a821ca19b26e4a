// For fetcher tests: the global fetch answers JSON made from each URL asked for, and the URLs are kept, so a test
// can say what the fetcher asked the service (paths, filters, paging).
import { vi } from 'vitest';

export function stubJsonFetch(answer: (url: URL) => unknown): URL[] {
  const urls: URL[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((input: string | URL) => {
      const url = new URL(String(input), 'http://spa');
      urls.push(url);
      return Promise.resolve(Response.json(answer(url)));
    }),
  );
  return urls;
}
