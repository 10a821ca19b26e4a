// jsdom lays nothing out, so a virtualized table (lib/ui/data-table) would render no row: for the tests that render
// one, every element gets a height (a 600 px scroll box, 41 px rows, a 41 000 px scroll height) and a scrollTo that
// moves its box and says so. Call it at the top of a file (or a describe): it installs before and restores after.
import { afterAll, beforeAll } from 'vitest';

export const rowHeight = 41;

const layout: Record<string, PropertyDescriptor> = {
  clientHeight: { configurable: true, get: () => 600 },
  offsetHeight: { configurable: true, get: () => rowHeight },
  scrollHeight: { configurable: true, get: () => rowHeight * 1001 },
  scrollTo: {
    configurable: true,
    value: function scrollTo(this: HTMLElement, options?: ScrollToOptions | number) {
      if (typeof options === 'object' && options.top !== undefined) this.scrollTop = options.top;
      this.dispatchEvent(new Event('scroll'));
    },
  },
};

export function giveLayout() {
  const saved = new Map(Object.keys(layout).map((name) => [name, Object.getOwnPropertyDescriptor(HTMLElement.prototype, name)]));
  beforeAll(() => {
    for (const [name, descriptor] of Object.entries(layout)) Object.defineProperty(HTMLElement.prototype, name, descriptor);
  });
  afterAll(() => {
    for (const [name, descriptor] of saved) {
      if (descriptor) Object.defineProperty(HTMLElement.prototype, name, descriptor);
      else Reflect.deleteProperty(HTMLElement.prototype, name);
    }
  });
}
