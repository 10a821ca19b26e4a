// The side navigation, declared once: each page names the service it needs, and its entry only shows when the
// session's catalog offers that service in the current region. Pages added later add a line here.
import type { ComponentType } from 'react';
import { hasService, type CatalogService } from '../lib/openstack/service-types';
import { GaugeIcon } from '../lib/ui/icons';

export interface NavEntry {
  to: string;
  /** Key under `nav.` in the locale catalogs. */
  label: 'overview';
  icon: ComponentType<{ className?: string }>;
  /** Service type (service-types-authority name) the page needs; none for pages every cloud has. */
  serviceType?: string;
}

export const navEntries: readonly NavEntry[] = [{ to: '/', label: 'overview', icon: GaugeIcon }];

export function visibleNavEntries<Entry extends Pick<NavEntry, 'serviceType'>>(
  entries: readonly Entry[],
  services: readonly CatalogService[],
): Entry[] {
  return entries.filter((entry) => entry.serviceType === undefined || hasService(services, entry.serviceType));
}
