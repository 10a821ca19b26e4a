// A menu button (WAI-ARIA menu pattern): Enter/Space/ArrowDown open it on the first item, arrows move, Home/End
// jump, Escape and Tab close it and give the focus back. Unavailable items stay focusable and say why.
import clsx from 'clsx';
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';

export interface MenuItem {
  id: string;
  label: string;
  /** When set, the item is disabled and this text says why. */
  unavailableReason?: string | null;
  destructive?: boolean;
  onSelect: () => void;
}

export function Menu({
  label,
  items,
  trigger,
  testId,
  align = 'end',
}: {
  /** Accessible name of the trigger button. */
  label: string;
  /** The items, or what makes them when the menu opens: a row menu of a long list then costs nothing while closed. */
  items: readonly MenuItem[] | (() => readonly MenuItem[]);
  /** What the trigger shows (defaults to ⋯). */
  trigger?: ReactNode;
  testId?: string;
  align?: 'start' | 'end';
}) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  // Fixed position from the trigger's box: a menu inside a scrolling table must not be clipped by it.
  const [position, setPosition] = useState<React.CSSProperties>({});
  const buttonRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const itemsNow = () => (typeof items === 'function' ? items() : items);
  const list = open ? itemsNow() : [];

  /** Below the trigger, or above it in the lower part of the window. */
  const placeByTrigger = useCallback(() => {
    const box = buttonRef.current?.getBoundingClientRect();
    if (!box) return;
    const horizontal = align === 'end' ? { right: window.innerWidth - box.right } : { left: box.left };
    const below = box.bottom + 4;
    setPosition(
      below > window.innerHeight * 0.55 ? { ...horizontal, bottom: window.innerHeight - box.top + 4 } : { ...horizontal, top: below },
    );
  }, [align]);

  useEffect(() => {
    if (!open) return;
    const item = listRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]')[active];
    item?.focus();
  }, [open, active]);

  useEffect(() => {
    if (!open) return;
    const closeOnOutside = (event: MouseEvent) => {
      if (!listRef.current?.contains(event.target as Node) && !buttonRef.current?.contains(event.target as Node)) {
        setOpen(false);
      }
    };
    // The menu is fixed: a scroll moves it along with its trigger. (Closing it instead lost the menu to the scroll
    // that brought the trigger into view, which the browser may report just after the click that opened it.)
    const followTrigger = (event: Event) => {
      // The menu's own list scrolling moves nothing; the page's (target: document, or any scrolling box) does.
      if (!(event.target instanceof Node && listRef.current?.contains(event.target))) placeByTrigger();
    };
    document.addEventListener('mousedown', closeOnOutside);
    window.addEventListener('scroll', followTrigger, true);
    return () => {
      document.removeEventListener('mousedown', closeOnOutside);
      window.removeEventListener('scroll', followTrigger, true);
    };
  }, [open, placeByTrigger]);

  const close = (focusTrigger: boolean) => {
    setOpen(false);
    if (focusTrigger) buttonRef.current?.focus();
  };
  const openAt = (index: number) => {
    placeByTrigger();
    setActive(index);
    setOpen(true);
  };

  const onMenuKey = (event: React.KeyboardEvent) => {
    const last = list.length - 1;
    const moves: Record<string, () => number> = {
      ArrowDown: () => (active >= last ? 0 : active + 1),
      ArrowUp: () => (active <= 0 ? last : active - 1),
      Home: () => 0,
      End: () => last,
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      setActive(move());
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    } else if (event.key === 'Tab') {
      close(false);
    }
  };

  const select = (item: MenuItem) => {
    if (item.unavailableReason) return;
    close(true);
    item.onSelect();
  };

  return (
    <div className="relative inline-block text-left">
      <button
        ref={buttonRef}
        type="button"
        data-testid={testId}
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(false) : openAt(0))}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            openAt(event.key === 'ArrowDown' ? 0 : itemsNow().length - 1);
          }
        }}
        className="inline-flex items-center gap-1 rounded-md border border-line bg-surface px-2 py-1 text-sm text-fg hover:bg-sunken"
      >
        {trigger ?? (
          <svg viewBox="0 0 24 24" className="size-4" fill="currentColor" aria-hidden="true">
            <circle cx="5" cy="12" r="1.8" />
            <circle cx="12" cy="12" r="1.8" />
            <circle cx="19" cy="12" r="1.8" />
          </svg>
        )}
      </button>
      {open && (
        <div
          ref={listRef}
          id={menuId}
          role="menu"
          aria-label={label}
          onKeyDown={onMenuKey}
          style={position}
          className="fixed z-30 max-h-[50vh] w-72 overflow-y-auto rounded-md border border-line bg-surface py-1 shadow-lg"
        >
          {list.map((item, index) => {
            const reasonId = `${menuId}-${item.id}-reason`;
            return (
              <div
                key={item.id}
                role="menuitem"
                tabIndex={index === active ? 0 : -1}
                data-testid={`menu-item-${item.id}`}
                aria-disabled={item.unavailableReason ? true : undefined}
                aria-describedby={item.unavailableReason ? reasonId : undefined}
                onClick={() => select(item)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' || event.key === ' ') {
                    event.preventDefault();
                    select(item);
                  }
                }}
                onMouseEnter={() => setActive(index)}
                className={clsx(
                  'block cursor-pointer px-3 py-1.5 text-sm outline-none focus:bg-sunken',
                  item.unavailableReason ? 'cursor-not-allowed text-fg-muted' : item.destructive ? 'text-danger' : 'text-fg',
                )}
              >
                <span className="block">{item.label}</span>
                {item.unavailableReason && (
                  <span id={reasonId} className="block text-xs text-fg-muted">
                    {item.unavailableReason}
                  </span>
                )}
              </div>
            );
          })}
        </div>
      )}
    </div>
  );
}
