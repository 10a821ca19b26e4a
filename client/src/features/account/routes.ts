import type { FeatureDeclaration } from '../../lib/navigation';

// Reached from the user menu, not the side navigation: it is about the person, not the project.
export const feature: FeatureDeclaration = {
  routes: () => [{ path: 'account', lazy: async () => ({ Component: (await import('./components/account-page')).AccountPage }) }],
  nav: [],
};
