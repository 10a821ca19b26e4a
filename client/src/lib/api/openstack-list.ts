// OpenStack collections all page the same way (marker/limit) but say "there is more" in two dialects: Glance
// answers `next: "/v2/images?marker=..."`, Nova, Neutron and Cinder answer `<collection>_links: [{rel: "next"}]`.
// Reading one page or every page of any collection goes through here, so no feature re-implements the loop.
import { api, type RequestOptions } from './client';

export type ListParams = NonNullable<RequestOptions['params']>;

export interface CollectionRequest {
  /** `/api/os/<service>/<path>` of the collection. */
  path: string;
  /** Name of the array in the answer: `images`, `flavors`, `networks`... */
  collection: string;
  params?: ListParams;
  microversion?: string;
  signal?: AbortSignal;
}

export interface ListPage<T> {
  items: T[];
  /** Marker of the next page; undefined on the last page. */
  nextMarker?: string;
}

interface Link {
  rel: string;
  href: string;
}

type CollectionBody = Record<string, unknown>;

function markerOfHref(href: string): string | undefined {
  // Hrefs are the service's own URLs (absolute or not): only their marker is of use through the BFF.
  return new URL(href, 'http://link.invalid').searchParams.get('marker') ?? undefined;
}

function isLink(value: unknown): value is Link {
  return typeof value === 'object' && value !== null && 'rel' in value && 'href' in value;
}

export function nextMarkerOf(body: CollectionBody, collection: string): string | undefined {
  if (typeof body.next === 'string') return markerOfHref(body.next);
  const links = body[`${collection}_links`];
  const next: unknown = Array.isArray(links) ? links.find((link) => isLink(link) && link.rel === 'next') : undefined;
  return isLink(next) ? markerOfHref(next.href) : undefined;
}

/** Whether an answer links to a next page: a service that capped the page below what was asked says so only this way. */
export function linksNextPage(body: object | undefined, collection: string): boolean {
  return body !== undefined && nextMarkerOf({ ...body }, collection) !== undefined;
}

export async function fetchListPage<T>(request: CollectionRequest): Promise<ListPage<T>> {
  const body = await api.get<CollectionBody>(request.path, {
    params: request.params,
    microversion: request.microversion,
    signal: request.signal,
  });
  const items = body[request.collection];
  if (!Array.isArray(items)) throw new Error(`${request.path} answered without "${request.collection}"`);
  return { items: items as T[], nextMarker: nextMarkerOf(body, request.collection) };
}

/**
 * Every item of a collection, page after page. `pageSize` is sent as `limit`; services cap it at their own maximum
 * (Glance and Nova 1000 by default) and then link to the next page, which is followed.
 */
export async function fetchAllPages<T>(request: CollectionRequest, pageSize?: number): Promise<T[]> {
  const all: T[] = [];
  let marker: string | undefined;
  for (;;) {
    const page = await fetchListPage<T>({ ...request, params: { ...request.params, limit: pageSize, marker } });
    all.push(...page.items);
    // A repeated marker or an empty page would loop forever on a misbehaving service.
    if (!page.nextMarker || page.nextMarker === marker || page.items.length === 0) return all;
    marker = page.nextMarker;
  }
}
