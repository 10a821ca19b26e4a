// The side navigation and the feature pages, declared by the features themselves: each feature folder may have a
// `routes.ts` exporting `feature` (see lib/navigation.ts), collected here so no feature needs to know the others.
import type { RouteObject } from 'react-router';
import type { FeatureDeclaration, NavEntry, RouteContext } from '../lib/navigation';
import { GaugeIcon } from '../lib/ui/icons';

const featureModules = import.meta.glob<FeatureDeclaration>('../features/*/routes.ts', { eager: true, import: 'feature' });
const features = Object.values(featureModules);

export const featureRoutes = (context: RouteContext): RouteObject[] => features.flatMap((feature) => feature.routes(context));

const overviewEntry: NavEntry = { to: '/', label: 'nav.overview', icon: GaugeIcon, order: 0 };

export const navEntries: readonly NavEntry[] = [overviewEntry, ...features.flatMap((feature) => feature.nav)].sort(
  (a, b) => a.order - b.order,
);
