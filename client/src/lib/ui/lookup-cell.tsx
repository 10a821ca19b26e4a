// Rows first, names after: a list shows its rows as soon as its own read answers, and the cells that need a second
// read (an image's name, the instance holding a volume, a port's network) fill in when that read arrives. The cell
// keeps its place meanwhile: a fixed-width slot one line high holding a faint bar, then the name (cut with an
// ellipsis, whole in its tooltip), so nothing around it moves; the id stays in the tooltip and the link.
import clsx from 'clsx';
import { useMemo } from 'react';

/** What a second read says of one key: not yet known, found, or not there (deleted, not visible, the read failed). */
export type Lookup<Value> = { state: 'pending' } | { state: 'found'; value: Value } | { state: 'missing' };

/** The parts of a query (TanStack's result) that say whether a key may still arrive. */
export interface LookupSource<Key, Value> {
  data?: ReadonlyMap<Key, Value>;
  isPending: boolean;
  /** The previous page's answer shown while this page's is read (`keepPreviousData`): a key missing from it may come. */
  isPlaceholderData?: boolean;
}

/** `key` in the source's map, or whether it may still come; `pick` takes what the cell shows (a name) from the value. */
export function lookup<Key, Value>(source: LookupSource<Key, Value>, key: Key): Lookup<Value>;
export function lookup<Key, Value, Shown>(source: LookupSource<Key, Value>, key: Key, pick: (value: Value) => Shown): Lookup<Shown>;
export function lookup<Key, Value>(source: LookupSource<Key, Value>, key: Key, pick?: (value: Value) => unknown): Lookup<unknown> {
  const value = source.data?.get(key);
  if (value !== undefined) return { state: 'found', value: pick ? pick(value) : value };
  return source.isPending || source.isPlaceholderData ? { state: 'pending' } : { state: 'missing' };
}

/** The source parts of a query result, kept as one object while they do not change (for the columns' memo). */
export function useLookupSource<Key, Value>({ data, isPending, isPlaceholderData }: LookupSource<Key, Value>): LookupSource<Key, Value> {
  return useMemo(() => ({ data, isPending, isPlaceholderData }), [data, isPending, isPlaceholderData]);
}

/**
 * A source read to its end, for rows not on screen (the export's): `read` is the page's own query for those rows
 * (`queryClient.ensureQueryData(options)`: its batched read, or the cache). A failed read leaves every key missing,
 * as a failed query does on the page.
 */
export async function readLookupSource<Key, Value>(read: () => Promise<ReadonlyMap<Key, Value>>): Promise<LookupSource<Key, Value>> {
  try {
    return { data: await read(), isPending: false };
  } catch {
    return { isPending: false };
  }
}

/** A lookup by id over a list query (networks...): the map built once per answer by the caller. */
export function byId<Item extends { id: string }>(items: readonly Item[] | undefined): ReadonlyMap<string, Item> | undefined {
  return items && new Map(items.map((item) => [item.id, item]));
}

/** Slot widths: enough for most names of the kind (an image's, an instance's); a longer one is cut, whole in the tooltip. */
const widths = { md: 'w-36', lg: 'w-48' } as const;

/**
 * A looked-up name in a slot of fixed width: a faint bar while pending, the name when found, `missing` (the id, short)
 * otherwise. `id` is the tooltip until the name is known, then follows the name in it.
 */
export function LookupText({
  lookup: found,
  id,
  missing,
  width = 'md',
  testId,
}: {
  lookup: Lookup<string | null | undefined>;
  id: string;
  /** What stands for the name when there is none (the id's first characters by default). */
  missing?: string;
  width?: keyof typeof widths;
  testId?: string;
}) {
  const slot = clsx('inline-block max-w-full truncate align-bottom', widths[width]);
  if (found.state === 'pending') {
    return (
      <span className={slot} title={id} data-testid={testId} data-lookup="pending">
        {/* One line high (the text's own line box), about two thirds of the slot: a name is coming. */}
        <span className="inline-block h-[0.9em] w-2/3 rounded-sm bg-sunken align-middle" aria-hidden="true" />
        <span className="sr-only">{id}</span>
      </span>
    );
  }
  const text = found.state === 'found' && found.value ? found.value : (missing ?? id.slice(0, 8));
  return (
    <span className={slot} title={found.state === 'found' ? `${text} (${id})` : id} data-testid={testId} data-lookup={found.state}>
      {text}
    </span>
  );
}
