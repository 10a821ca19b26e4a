// What a host can still take: Placement counts capacity as (total - reserved) × allocation ratio.
import type { Inventory } from './types';

export function capacityOf(inventory: Inventory): number {
  return Math.floor((inventory.total - inventory.reserved) * inventory.allocation_ratio);
}
