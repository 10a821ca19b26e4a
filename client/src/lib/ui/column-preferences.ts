// Which columns a list shows, and in what order, as the user chose: kept in the browser (localStorage) per signed-in
// user and per list, so another user of the same browser keeps their own. Nothing of it goes to a server.
//
// A stored choice outlives the columns it names: a column the app no longer has is dropped, a column added since
// shows at its default place, after the column it follows by default. Columns that cannot be hidden (the row menu)
// keep their default place and are not in the choice at all.
import { createContext, useCallback, useContext, useState } from 'react';

/** The signed-in user's id (the app provides it): whose choices are read and written. Null: kept in memory only. */
export const PreferenceOwnerContext = createContext<string | null>(null);

export interface ColumnChoice {
  /** The movable columns' ids in the order chosen. */
  order: readonly string[];
  hidden: readonly string[];
}

export interface ColumnSlot {
  id: string;
  /** False for the columns that cannot be hidden or moved (the row menu). */
  movable: boolean;
}

const emptyChoice: ColumnChoice = { order: [], hidden: [] };

export const columnStorageKey = (owner: string, listId: string) => `zenith.columns.${owner}.${listId}`;

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** The stored choice, or none when absent, unreadable (storage blocked) or not of the expected shape. */
export function readColumnChoice(storage: Pick<Storage, 'getItem'>, key: string): ColumnChoice {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(key) ?? 'null');
    if (typeof parsed !== 'object' || parsed === null) return emptyChoice;
    const { order, hidden } = parsed as Record<string, unknown>;
    return { order: isStringArray(order) ? order : [], hidden: isStringArray(hidden) ? hidden : [] };
  } catch {
    return emptyChoice;
  }
}

/**
 * Every column's id in the order to show: the movable ones as chosen (unknown ids dropped, new ones after the column
 * they follow by default), the fixed ones at their default place.
 */
export function arrangeColumns(slots: readonly ColumnSlot[], order: readonly string[]): string[] {
  const movable = slots.filter((slot) => slot.movable).map((slot) => slot.id);
  const arranged = order.filter((id, index) => movable.includes(id) && order.indexOf(id) === index);
  movable.forEach((id, index) => {
    if (arranged.includes(id)) return;
    const before = movable[index - 1];
    arranged.splice(before === undefined ? 0 : arranged.indexOf(before) + 1, 0, id);
  });
  let next = 0;
  return slots.map((slot) => (slot.movable ? arranged[next++]! : slot.id));
}

/** The order after moving `id` one place up (-1) or down (+1) among the movable columns; unchanged at either end. */
export function moveColumn(order: readonly string[], id: string, step: -1 | 1): string[] {
  const moved = [...order];
  const from = moved.indexOf(id);
  const to = from + step;
  if (from < 0 || to < 0 || to >= moved.length) return moved;
  [moved[from], moved[to]] = [moved[to]!, moved[from]!];
  return moved;
}

function writeColumnChoice(key: string, choice: ColumnChoice) {
  try {
    if (choice.order.length === 0 && choice.hidden.length === 0) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(choice));
  } catch {
    // Storage blocked or full: the choice holds for this page's life only.
  }
}

/** The list's column choice for the signed-in user, and its changes (written through to the browser's storage). */
export function useColumnChoice(listId: string, slots: readonly ColumnSlot[]) {
  const owner = useContext(PreferenceOwnerContext);
  const key = owner === null ? null : columnStorageKey(owner, listId);
  // Read again when the key changes (another user, another list in the same component).
  const [held, setHeld] = useState<{ key: string | null; choice: ColumnChoice }>(() => ({ key, choice: key ? readColumnChoice(localStorage, key) : emptyChoice }));
  const choice = held.key === key ? held.choice : key ? readColumnChoice(localStorage, key) : emptyChoice;
  const order = arrangeColumns(slots, choice.order);
  const movableOrder = order.filter((id) => slots.some((slot) => slot.id === id && slot.movable));
  const hidden = choice.hidden.filter((id) => movableOrder.includes(id));

  const save = useCallback(
    (next: ColumnChoice) => {
      setHeld({ key, choice: next });
      if (key) writeColumnChoice(key, next);
    },
    [key],
  );

  return {
    order,
    hidden,
    setVisible: (id: string, visible: boolean) =>
      save({ order: movableOrder, hidden: visible ? hidden.filter((other) => other !== id) : [...hidden, id] }),
    move: (id: string, step: -1 | 1) => save({ order: moveColumn(movableOrder, id, step), hidden }),
    reset: () => save(emptyChoice),
  };
}
