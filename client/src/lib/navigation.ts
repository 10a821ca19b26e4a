// What a feature declares about itself (its routes under the shell, its navigation entries), and the rules for
// which entries show: an entry only shows when the session's catalog offers the service it needs in the current
// region. The app collects the declarations (app/navigation.ts); features import only this file.
import type { ParseKeys } from 'i18next';
import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { hasService } from '@contract/service-types';
import type { CatalogService } from '@contract/session';

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
