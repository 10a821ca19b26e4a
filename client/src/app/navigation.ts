// The side navigation and the feature pages, declared by the features themselves: each feature folder may have a
// `routes.ts` exporting `feature` (see lib/navigation.ts), collected here so no feature needs to know the others.
import type { RouteObject } from 'react-router';
import { loadFeatureCatalog } from '../lib/i18n';
import type { CommandEntry, FeatureDeclaration, NavEntry, RouteContext } from '../lib/navigation';
import { GaugeIcon } from '../lib/ui/icons';

const featureModules = import.meta.glob<FeatureDeclaration>('../features/*/routes.ts', { eager: true, import: 'feature' });
const features = Object.entries(featureModules).map(([path, feature]) => ({ name: path.split('/').at(-2)!, ...feature }));

/**
 * A feature's route whose page also waits for the feature's catalog (fetched beside the page's chunk, once): its words
 * are not in the entry chunk, and a page never renders before them.
 */
export function withFeatureCatalog(route: RouteObject, feature: string): RouteObject {
  const { lazy } = route;
  if (lazy !== undefined && typeof lazy !== 'function') throw new Error(`a route of ${feature} declares lazy as an object: use a function`);
  const load = () => loadFeatureCatalog(feature);
  const withCatalog = lazy ? async () => (await Promise.all([lazy(), load()]))[0] : async () => (await load(), {});
  if (route.index) return { ...route, lazy: withCatalog };
  return { ...route, lazy: withCatalog, children: route.children?.map((child) => withFeatureCatalog(child, feature)) };
}

export const featureRoutes = (context: RouteContext): RouteObject[] =>
  features.flatMap((feature) => feature.routes(context).map((route) => withFeatureCatalog(route, feature.name)));

const overviewEntry: NavEntry = { to: '/', label: 'nav.overview', icon: GaugeIcon, order: 0 };

export const navEntries: readonly NavEntry[] = [overviewEntry, ...features.flatMap((feature) => feature.nav)].sort(
  (a, b) => a.order - b.order,
);

/** The pages the search box offers besides the navigation's: the features' forms, and the overview's quota usage. */
export const commandEntries: readonly CommandEntry[] = [
  { to: '/', label: 'nav.commands.quotaUsage' },
  ...features.flatMap((feature) => feature.commands ?? []),
];
