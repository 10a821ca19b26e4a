// The side navigation and the feature pages, declared by the features themselves: each feature folder may have a
// `routes.ts` exporting `feature` (its routes under the shell, and its navigation entries). An entry only shows
// when the session's catalog offers the service it needs in the current region.
import type { ParseKeys } from 'i18next';
import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { hasService, type CatalogService } from '../lib/openstack/service-types';
import { GaugeIcon } from '../lib/ui/icons';

/** The side navigation's groups, in the order they are shown; entries without one come first. */
export const navSections = ['compute', 'network', 'admin'] as const;
export type NavSection = (typeof navSections)[number];

export interface NavEntry {
  to: string;
  label: ParseKeys;
  icon: ComponentType<{ className?: string }>;
  /** Service type (service-types-authority name) the page needs; none for pages every cloud has. */
  serviceType?: string;
  /** Position in its section, smallest first. */
  order: number;
  section?: NavSection;
  /**
   * A role the token must carry (admin pages). Only hides the entry: the API still decides, and its 403 is shown
   * to whoever follows a link anyway.
   */
  requiresRole?: string;
}

export interface FeatureDeclaration {
  /** Routes rendered inside the shell; use `lazy` so each page is its own chunk. */
  routes: RouteObject[];
  nav: NavEntry[];
}

const featureModules = import.meta.glob<FeatureDeclaration>('../features/*/routes.ts', { eager: true, import: 'feature' });
const features = Object.values(featureModules);

export const featureRoutes: RouteObject[] = features.flatMap((feature) => feature.routes);

const overviewEntry: NavEntry = { to: '/', label: 'nav.overview', icon: GaugeIcon, order: 0 };

export const navEntries: readonly NavEntry[] = [overviewEntry, ...features.flatMap((feature) => feature.nav)].sort(
  (a, b) => a.order - b.order,
);

/** Entries grouped for display: the unsectioned ones, then each section that has any, entries by order. */
export function navGroups<Entry extends Pick<NavEntry, 'section'>>(entries: readonly Entry[]): { section?: NavSection; entries: Entry[] }[] {
  const groups = [undefined, ...navSections].map((section) => ({ section, entries: entries.filter((entry) => entry.section === section) }));
  return groups.filter((group) => group.entries.length > 0);
}

export function visibleNavEntries<Entry extends Pick<NavEntry, 'serviceType' | 'requiresRole'>>(
  entries: readonly Entry[],
  services: readonly CatalogService[],
  roles: readonly string[] = [],
): Entry[] {
  return entries.filter(
    (entry) =>
      (entry.serviceType === undefined || hasService(services, entry.serviceType)) &&
      (entry.requiresRole === undefined || roles.includes(entry.requiresRole)),
  );
}
