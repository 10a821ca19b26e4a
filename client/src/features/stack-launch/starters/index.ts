// Starter templates shipped with Zenith, offered on the launch page. Their defaults (image cirros-tiny, flavor
// m1.tiny, networks public and demo-net) are the local cloud's seed; on another cloud the parameters form's pickers
// replace them. Heat validates each of them in server/test/stack-starters.int.test.ts.
import networkWithRouter from './network-with-router.yaml?raw';
import serverWithFloatingIp from './server-with-floating-ip.yaml?raw';
import serverWithVolume from './server-with-volume.yaml?raw';
import twoTierApp from './two-tier-app.yaml?raw';

export interface StarterTemplate {
  id: 'server-with-floating-ip' | 'network-with-router' | 'server-with-volume' | 'two-tier-app';
  template: string;
}

export const starterTemplates: readonly StarterTemplate[] = [
  { id: 'server-with-floating-ip', template: serverWithFloatingIp },
  { id: 'network-with-router', template: networkWithRouter },
  { id: 'server-with-volume', template: serverWithVolume },
  { id: 'two-tier-app', template: twoTierApp },
];
