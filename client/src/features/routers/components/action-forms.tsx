// The input forms of the router actions that need one, rendered inside the action dialog. The choices come from
// the networks and ports features' hooks.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionFormProps, ProjectTarget } from '../../../lib/actions/types';
import { QueryGate } from '../../../lib/ui/query-gate';
import { SelectField } from '../../../lib/ui/select-field';
import { TextField } from '../../../lib/ui/text-field';
import { useExternalNetworks, useSubnets, useUsableNetworks } from '../../../resources/networks/networks';
import type { Network } from '../../../resources/networks/types';
import { isFreePort, usePorts } from '../../../resources/ports/ports';
import type { InterfaceInput, RouterDraft, RouterSettings, StaticRouteInput } from '../inputs';
import { useRouterInterfaces } from '../../../resources/routers/routers';
import { suggestedDestination, type RouterConnections } from '../static-routes';
import type { Router } from '../../../resources/routers/types';

function AdminStateField({ value, onChange }: { value: boolean; onChange: (value: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <label className="flex items-center gap-2 text-sm text-fg">
      <input type="checkbox" checked={value} onChange={(event) => onChange(event.target.checked)} className="size-4 accent-brand" data-testid="router-admin-state" />
      {t('routers.forms.adminStateUp')}
    </label>
  );
}

function SettingsFields<Input extends RouterSettings>({ value, onChange }: { value: Input; onChange: (value: Input) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <TextField label={t('routers.forms.name')} value={value.name} onChange={(name) => onChange({ ...value, name })} testId="router-name" />
      <TextField
        label={t('routers.forms.description')}
        value={value.description}
        onChange={(description) => onChange({ ...value, description })}
        testId="router-description"
        multiline
      />
      <AdminStateField value={value.adminStateUp} onChange={(adminStateUp) => onChange({ ...value, adminStateUp })} />
    </>
  );
}

function ExternalNetworkField({ value, onChange, optional }: { value: string; onChange: (networkId: string) => void; optional: boolean }) {
  const { t } = useTranslation();
  const networks = useExternalNetworks();
  return (
    <QueryGate query={networks} loading={t('routers.forms.loading')}>
      {(list) => (
        <SelectField
          label={t('routers.forms.externalNetwork')}
          hint={t('routers.forms.externalNetworkHint')}
          value={value}
          onChange={onChange}
          placeholder={optional ? t('routers.forms.noGateway') : t('routers.forms.chooseNetwork')}
          options={list.map((network) => ({ value: network.id, label: network.name || network.id }))}
          testId="router-external-network"
        />
      )}
    </QueryGate>
  );
}

export function CreateRouterForm({ value, onChange }: ActionFormProps<ProjectTarget, RouterDraft>) {
  return (
    <div className="space-y-3" data-testid="router-create-form">
      <SettingsFields value={value} onChange={onChange} />
      <ExternalNetworkField value={value.externalNetworkId} onChange={(externalNetworkId) => onChange({ ...value, externalNetworkId })} optional />
    </div>
  );
}

export function EditRouterForm({ value, onChange }: ActionFormProps<Router, RouterSettings>) {
  return (
    <div className="space-y-3" data-testid="router-edit-form">
      <SettingsFields value={value} onChange={onChange} />
    </div>
  );
}

export function GatewayForm({ value, onChange }: ActionFormProps<Router, string>) {
  return <ExternalNetworkField value={value} onChange={onChange} optional={false} />;
}

function SubnetChooser({ networks, attached, value, onChange }: { networks: readonly Network[]; attached: ReadonlySet<string>; value: string; onChange: (subnetId: string) => void }) {
  const { t } = useTranslation();
  const subnets = useSubnets(networks.map((network) => network.id));
  const networkName = (id: string) => networks.find((network) => network.id === id)?.name || id;
  return (
    <QueryGate query={subnets} loading={t('routers.forms.loading')}>
      {(list) => (
        <SelectField
          label={t('routers.forms.subnet')}
          hint={t('routers.forms.subnetHint')}
          value={value}
          onChange={onChange}
          placeholder={list.length === 0 ? t('routers.forms.noSubnet') : t('routers.forms.chooseSubnet')}
          options={list.map((subnet) => {
            // Neutron plugs the router in at the subnet's gateway address: none, no interface by subnet.
            const reason = attached.has(subnet.id)
              ? t('routers.forms.subnetAttached')
              : subnet.gateway_ip === null
                ? t('routers.forms.subnetWithoutGateway')
                : undefined;
            const label = t('routers.forms.subnetOption', {
              network: networkName(subnet.network_id),
              subnet: subnet.name || subnet.id,
              cidr: subnet.cidr,
            });
            return { value: subnet.id, label: reason ? `${label} — ${reason}` : label, disabled: reason !== undefined };
          })}
          testId="interface-subnet"
        />
      )}
    </QueryGate>
  );
}

function PortChooser({ value, onChange }: { value: string; onChange: (portId: string) => void }) {
  const { t } = useTranslation();
  const ports = usePorts();
  return (
    <QueryGate query={ports} loading={t('routers.forms.loading')}>
      {(list) => {
        const free = list.filter(isFreePort);
        return (
          <SelectField
            label={t('routers.forms.port')}
            hint={t('routers.forms.portHint')}
            value={value}
            onChange={onChange}
            placeholder={free.length === 0 ? t('routers.forms.noFreePort') : t('routers.forms.choosePort')}
            options={free.map((port) => ({
              value: port.id,
              label: `${port.name || port.id} (${port.fixed_ips.map((ip) => ip.ip_address).join(', ') || '—'})`,
            }))}
            testId="interface-port"
          />
        );
      }}
    </QueryGate>
  );
}

export function InterfaceForm({ resource, value, onChange }: ActionFormProps<Router, InterfaceInput>) {
  const { t } = useTranslation();
  const interfaces = useRouterInterfaces(resource.id);
  const networks = useUsableNetworks();
  const attached = new Set((interfaces.data ?? []).flatMap((port) => port.fixed_ips.map((ip) => ip.subnet_id)));
  return (
    <div className="space-y-3" data-testid="router-interface-form">
      <fieldset className="flex gap-4 text-sm">
        <legend className="mb-1 text-sm font-medium text-fg">{t('routers.forms.interfaceKind')}</legend>
        {(['subnet', 'port'] as const).map((kind) => (
          <label key={kind} className="flex items-center gap-1.5">
            <input
              type="radio"
              name="router-interface-kind"
              checked={value.kind === kind}
              onChange={() => onChange({ ...value, kind })}
              className="accent-brand"
              data-testid={`interface-kind-${kind}`}
            />
            {t(`routers.forms.interfaceKinds.${kind}`)}
          </label>
        ))}
      </fieldset>
      {value.kind === 'subnet' ? (
        <QueryGate query={networks} loading={t('routers.forms.loading')}>
          {(list) => (
            <SubnetChooser
              // External networks take a router's gateway, not its interfaces.
              networks={list.filter((network) => !network['router:external'])}
              attached={attached}
              value={value.subnetId}
              onChange={(subnetId) => onChange({ ...value, subnetId })}
            />
          )}
        </QueryGate>
      ) : (
        <PortChooser value={value.portId} onChange={(portId) => onChange({ ...value, portId })} />
      )}
    </div>
  );
}

/** The subnets the router reaches (interfaces and gateway) and its own addresses on them. */
function useRouterConnections(router: Router): RouterConnections | undefined {
  const interfaces = useRouterInterfaces(router.id);
  const gatewayIps = router.external_gateway_info?.external_fixed_ips ?? [];
  const interfaceIps = (interfaces.data ?? []).flatMap((port) => port.fixed_ips);
  const networkIds = [
    ...new Set([...(interfaces.data ?? []).map((port) => port.network_id), ...(router.external_gateway_info ? [router.external_gateway_info.network_id] : [])]),
  ];
  const subnets = useSubnets(networkIds);
  if (!interfaces.data || !subnets.data) return undefined;
  const subnetIds = new Set([...interfaceIps, ...gatewayIps].map((ip) => ip.subnet_id));
  const visible = subnets.data.filter((subnet) => subnetIds.has(subnet.id));
  return {
    cidrs: visible.length === subnetIds.size ? visible.map((subnet) => subnet.cidr) : undefined,
    addresses: [...interfaceIps, ...gatewayIps].map((ip) => ip.ip_address),
  };
}

export function StaticRouteForm({ resource, value, onChange }: ActionFormProps<Router, StaticRouteInput>) {
  const { t } = useTranslation();
  const connections = useRouterConnections(resource);
  const suggestion = suggestedDestination(value.destination);
  // The next-hop checks need what the router is connected to: handed to the input once read.
  useEffect(() => {
    if (connections && JSON.stringify(connections) !== JSON.stringify(value.connections)) {
      onChange({ ...value, connections });
    }
  }, [connections, value, onChange]);
  return (
    <div className="space-y-3" data-testid="router-route-form">
      <TextField
        label={t('routers.forms.destination')}
        hint={suggestion ? t('routers.forms.destinationSuggestion', { cidr: suggestion }) : t('routers.forms.destinationHint')}
        placeholder="192.168.50.0/24"
        value={value.destination}
        onChange={(destination) => onChange({ ...value, destination })}
        testId="route-destination"
      />
      <TextField
        label={t('routers.forms.nexthop')}
        hint={
          connections?.cidrs
            ? t('routers.forms.nexthopConnected', { cidrs: connections.cidrs.join(', ') })
            : t('routers.forms.nexthopHint')
        }
        placeholder="10.0.0.254"
        value={value.nexthop}
        onChange={(nexthop) => onChange({ ...value, nexthop })}
        testId="route-nexthop"
      />
    </div>
  );
}
