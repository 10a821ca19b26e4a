// The inputs of the router actions, declared apart from actions.ts so the forms that edit them need not import the
// declarations that render those forms.
import type { StaticRoute } from '../../resources/routers/types';
import type { RouterConnections } from './static-routes';

export interface RouterSettings {
  name: string;
  description: string;
  adminStateUp: boolean;
}

export interface RouterDraft extends RouterSettings {
  /** '' for a router without gateway. */
  externalNetworkId: string;
}

export interface InterfaceInput {
  kind: 'subnet' | 'port';
  subnetId: string;
  portId: string;
}

export interface StaticRouteInput extends StaticRoute {
  /** What the router is connected to, filled in by the form once read, for the next-hop checks. */
  connections: RouterConnections;
}
