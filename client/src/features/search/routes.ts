// The search's results page; the search box itself is in the top bar (app/shell/top-bar.tsx), and its words are in
// the shell's catalog since it shows on every page.
import type { FeatureDeclaration } from '../../lib/navigation';

export const feature: FeatureDeclaration = {
  routes: () => [{ path: 'search', lazy: async () => ({ Component: (await import('./components/search-page')).SearchPage }) }],
  nav: [],
};
