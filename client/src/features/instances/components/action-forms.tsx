// The input forms of the instance actions that need one, rendered inside the action dialog. Lists come from the
// resource features' hooks (flavors, images, volumes, networks, ports, floating IPs, security groups).
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionFormProps } from '../../../lib/actions/types';
import { ErrorNotice } from '../../../lib/ui/error-notice';
import { inputClass } from '../../../lib/ui/form-controls';
import { LoadingState } from '../../../lib/ui/loading-state';
import { SelectField } from '../../../lib/ui/select-field';
import { TextField } from '../../../lib/ui/text-field';
import { useFlavors } from '../../../resources/flavors/flavors';
import { useFloatingIps } from '../../../resources/floating-ips/floating-ips';
import { useImages } from '../../../resources/images/images';
import { useExternalNetworks, useUsableNetworks } from '../../../resources/networks/networks';
import { isFreePort, usePorts } from '../../../resources/ports/ports';
import type { Port } from '../../../resources/ports/types';
import { useSecurityGroups } from '../../../resources/security-groups/security-groups';
import { useAttachableVolumes } from '../../../resources/volumes/volumes';
import type { AssociateFloatingIpInput, AttachInterfaceInput, DetachInterfaceInput, MetadataInput, SecurityGroupsInput } from '../inputs';
import type { Server } from '../../../resources/servers/types';

/** Loading and error states of a list a form needs, else the form itself. */
function WithList<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  const { t } = useTranslation();
  if (query.error) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <LoadingState label={t('instances.forms.loading')} />;
  return <>{children(query.data)}</>;
}

export function ResizeForm({ resource, value, onChange }: ActionFormProps<Server, { flavorId: string }>) {
  const { t } = useTranslation();
  const flavors = useFlavors();
  return (
    <WithList query={flavors}>
      {(list) => (
        <SelectField
          label={t('instances.forms.flavor')}
          testId="resize-flavor"
          value={value.flavorId}
          onChange={(flavorId) => onChange({ flavorId })}
          placeholder={t('instances.forms.chooseFlavor')}
          options={list.map((flavor) => ({
            value: flavor.id,
            label: t('instances.forms.flavorOption', { name: flavor.name, vcpus: flavor.vcpus, ram: flavor.ram, disk: flavor.disk }),
            disabled: flavor.name === resource.flavor.original_name,
          }))}
        />
      )}
    </WithList>
  );
}

export function RebuildForm({ value, onChange }: ActionFormProps<Server, { imageId: string }>) {
  const { t } = useTranslation();
  const images = useImages({ status: 'active' });
  return (
    <WithList query={images}>
      {(list) => (
        <SelectField
          label={t('instances.forms.image')}
          testId="rebuild-image"
          value={value.imageId}
          onChange={(imageId) => onChange({ imageId })}
          placeholder={t('instances.forms.chooseImage')}
          options={list.map((image) => ({ value: image.id, label: image.name ?? image.id }))}
        />
      )}
    </WithList>
  );
}

export function SnapshotForm({ value, onChange }: ActionFormProps<Server, { name: string }>) {
  const { t } = useTranslation();
  return (
    <TextField label={t('instances.forms.snapshotName')} value={value.name} onChange={(name) => onChange({ name })} testId="snapshot-name" />
  );
}

export function RenameForm({ value, onChange }: ActionFormProps<Server, { name: string; description: string }>) {
  const { t } = useTranslation();
  return (
    <>
      <TextField label={t('instances.forms.name')} value={value.name} onChange={(name) => onChange({ ...value, name })} testId="rename-name" />
      <TextField
        label={t('instances.forms.description')}
        multiline
        value={value.description}
        onChange={(description) => onChange({ ...value, description })}
      />
    </>
  );
}

export function MetadataForm({ value, onChange }: ActionFormProps<Server, MetadataInput>) {
  const { t } = useTranslation();
  const update = (index: number, entry: { key: string; value: string }) => onChange(value.map((old, i) => (i === index ? entry : old)));
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-fg">{t('instances.forms.metadata')}</legend>
      {value.length === 0 && <p className="text-sm text-fg-muted">{t('instances.forms.noMetadata')}</p>}
      {value.map((entry, index) => (
        <div key={index} className="flex gap-2">
          <input
            aria-label={t('instances.forms.metadataKey', { index: index + 1 })}
            value={entry.key}
            onChange={(event) => update(index, { ...entry, key: event.target.value })}
            className={inputClass}
            placeholder={t('instances.forms.key')}
          />
          <input
            aria-label={t('instances.forms.metadataValue', { index: index + 1 })}
            value={entry.value}
            onChange={(event) => update(index, { ...entry, value: event.target.value })}
            className={inputClass}
            placeholder={t('instances.forms.value')}
          />
          <button
            type="button"
            onClick={() => onChange(value.filter((_, i) => i !== index))}
            className="shrink-0 rounded-md border border-line px-2 text-sm text-fg-muted hover:bg-sunken"
          >
            {t('instances.forms.remove')}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...value, { key: '', value: '' }])} className="text-sm font-medium text-brand hover:underline">
        {t('instances.forms.addMetadata')}
      </button>
    </fieldset>
  );
}

export function AttachVolumeForm({ value, onChange }: ActionFormProps<Server, { volumeId: string }>) {
  const { t } = useTranslation();
  const volumes = useAttachableVolumes();
  return (
    <WithList query={volumes}>
      {(list) =>
        list.length === 0 ? (
          <p className="text-sm text-fg-muted">{t('instances.forms.noVolume')}</p>
        ) : (
          <SelectField
            label={t('instances.forms.volume')}
            testId="attach-volume-id"
            value={value.volumeId}
            onChange={(volumeId) => onChange({ volumeId })}
            placeholder={t('instances.forms.chooseVolume')}
            options={list.map((volume) => ({ value: volume.id, label: `${volume.name || volume.id} (${volume.size} GiB)` }))}
          />
        )
      }
    </WithList>
  );
}

export function DetachVolumeForm({ resource, value, onChange }: ActionFormProps<Server, { volumeId: string }>) {
  const { t } = useTranslation();
  return (
    <SelectField
      label={t('instances.forms.volume')}
      testId="detach-volume-id"
      value={value.volumeId}
      onChange={(volumeId) => onChange({ volumeId })}
      placeholder={t('instances.forms.chooseVolume')}
      options={resource['os-extended-volumes:volumes_attached'].map((volume) => ({ value: volume.id, label: volume.id }))}
    />
  );
}

function portLabel(port: Port): string {
  const ips = port.fixed_ips.map((ip) => ip.ip_address).join(', ');
  return `${port.name || port.id.slice(0, 8)} · ${ips || port.mac_address}`;
}

export function AttachInterfaceForm({ value, onChange }: ActionFormProps<Server, AttachInterfaceInput>) {
  const { t } = useTranslation();
  const networks = useUsableNetworks();
  const ports = usePorts({}, { enabled: value.kind === 'port' });
  return (
    <>
      <fieldset className="flex gap-4 text-sm">
        <legend className="sr-only">{t('instances.forms.interfaceSource')}</legend>
        {(['network', 'port'] as const).map((kind) => (
          <label key={kind} className="flex items-center gap-1.5">
            <input
              type="radio"
              name="interface-kind"
              checked={value.kind === kind}
              onChange={() => onChange(kind === 'network' ? { kind, networkId: '' } : { kind, portId: '' })}
              className="accent-brand"
            />
            {t(`instances.forms.interfaceFrom.${kind}`)}
          </label>
        ))}
      </fieldset>
      {value.kind === 'network' ? (
        <WithList query={networks}>
          {(list) => (
            <SelectField
              label={t('instances.forms.network')}
              testId="attach-interface-network"
              value={value.networkId}
              onChange={(networkId) => onChange({ kind: 'network', networkId })}
              placeholder={t('instances.forms.chooseNetwork')}
              options={list.filter((network) => !network['router:external']).map((network) => ({ value: network.id, label: network.name || network.id }))}
            />
          )}
        </WithList>
      ) : (
        <WithList query={ports}>
          {(list) => (
            <SelectField
              label={t('instances.forms.port')}
              testId="attach-interface-port"
              value={value.portId}
              onChange={(portId) => onChange({ kind: 'port', portId })}
              placeholder={t('instances.forms.choosePort')}
              options={list.filter(isFreePort).map((port) => ({ value: port.id, label: portLabel(port) }))}
            />
          )}
        </WithList>
      )}
    </>
  );
}

export function DetachInterfaceForm({ resource, value, onChange }: ActionFormProps<Server, DetachInterfaceInput>) {
  const { t } = useTranslation();
  const ports = usePorts({ deviceId: resource.id });
  return (
    <WithList query={ports}>
      {(list) => (
        <SelectField
          label={t('instances.forms.port')}
          testId="detach-interface-port"
          value={value.portId}
          onChange={(portId) => onChange({ portId, macAddress: list.find((port) => port.id === portId)?.mac_address ?? '' })}
          placeholder={t('instances.forms.choosePort')}
          options={list.map((port) => ({ value: port.id, label: portLabel(port) }))}
        />
      )}
    </WithList>
  );
}

export function AssociateFloatingIpForm({ resource, value, onChange }: ActionFormProps<Server, AssociateFloatingIpInput>) {
  const { t } = useTranslation();
  const ports = usePorts({ deviceId: resource.id });
  const floatingIps = useFloatingIps();
  const externalNetworks = useExternalNetworks();
  const free = (floatingIps.data ?? []).filter((ip) => ip.port_id === null);
  return (
    <WithList query={ports}>
      {(portList) => (
        <>
          <SelectField
            label={t('instances.forms.port')}
            testId="floating-ip-port"
            value={value.portId}
            onChange={(portId) => onChange({ ...value, portId })}
            placeholder={t('instances.forms.choosePort')}
            options={portList.map((port) => ({ value: port.id, label: portLabel(port) }))}
          />
          <fieldset className="flex gap-4 text-sm">
            <legend className="sr-only">{t('instances.forms.floatingIpSource')}</legend>
            {(['existing', 'new'] as const).map((source) => (
              <label key={source} className="flex items-center gap-1.5">
                <input
                  type="radio"
                  name="floating-ip-source"
                  data-testid={`floating-ip-source-${source}`}
                  checked={value.source === source}
                  onChange={() =>
                    onChange(
                      source === 'new'
                        ? { source, networkId: externalNetworks.data?.[0]?.id ?? '', portId: value.portId }
                        : { source, floatingIpId: '', floatingIpAddress: '', portId: value.portId },
                    )
                  }
                  className="accent-brand"
                />
                {t(`instances.forms.floatingIpFrom.${source}`)}
              </label>
            ))}
          </fieldset>
          {value.source === 'existing' ? (
            <WithList query={floatingIps}>
              {() =>
                free.length === 0 ? (
                  <p className="text-sm text-fg-muted">{t('instances.forms.noFreeFloatingIp')}</p>
                ) : (
                  <SelectField
                    label={t('instances.forms.floatingIp')}
                    testId="floating-ip-existing"
                    value={value.floatingIpId}
                    onChange={(floatingIpId) =>
                      onChange({
                        ...value,
                        floatingIpId,
                        floatingIpAddress: free.find((ip) => ip.id === floatingIpId)?.floating_ip_address ?? '',
                      })
                    }
                    placeholder={t('instances.forms.chooseFloatingIp')}
                    options={free.map((ip) => ({ value: ip.id, label: ip.floating_ip_address }))}
                  />
                )
              }
            </WithList>
          ) : (
            <WithList query={externalNetworks}>
              {(list) => (
                <SelectField
                  label={t('instances.forms.externalNetwork')}
                  testId="floating-ip-network"
                  value={value.networkId}
                  onChange={(networkId) => onChange({ ...value, networkId })}
                  placeholder={t('instances.forms.chooseNetwork')}
                  options={list.map((network) => ({ value: network.id, label: network.name || network.id }))}
                />
              )}
            </WithList>
          )}
        </>
      )}
    </WithList>
  );
}

export function DisassociateFloatingIpForm({ resource, value, onChange }: ActionFormProps<Server, { floatingIpId: string }>) {
  const { t } = useTranslation();
  const ports = usePorts({ deviceId: resource.id });
  const portIds = (ports.data ?? []).map((port) => port.id);
  const floatingIps = useFloatingIps({ portIds }, { enabled: ports.data !== undefined });
  return (
    <WithList query={floatingIps}>
      {(list) => (
        <SelectField
          label={t('instances.forms.floatingIp')}
          testId="floating-ip-associated"
          value={value.floatingIpId}
          onChange={(floatingIpId) => onChange({ floatingIpId })}
          placeholder={t('instances.forms.chooseFloatingIp')}
          options={list.map((ip) => ({ value: ip.id, label: `${ip.floating_ip_address} → ${ip.fixed_ip_address ?? ''}` }))}
        />
      )}
    </WithList>
  );
}

/** The group ids the server's ports have now: what Nova's add/remove security group acts on. */
function serverGroupIds(ports: readonly Port[]): string[] {
  return [...new Set(ports.flatMap((port) => port.security_groups))];
}

export function SecurityGroupsForm({ resource, value, onChange }: ActionFormProps<Server, SecurityGroupsInput>) {
  const { t } = useTranslation();
  const groups = useSecurityGroups();
  const ports = usePorts({ deviceId: resource.id });
  return (
    <WithList query={groups}>
      {(list) => (
        <WithList query={ports}>
          {(serverPorts) => {
            const current = serverGroupIds(serverPorts);
            const chosen = value?.chosen ?? current;
            const toggle = (groupId: string, checked: boolean) =>
              onChange({ current, chosen: checked ? [...chosen, groupId] : chosen.filter((id) => id !== groupId) });
            return (
              <fieldset className="space-y-1.5">
                <legend className="mb-1 text-sm font-medium text-fg">{t('instances.forms.securityGroups')}</legend>
                {list.map((group) => (
                  <label key={group.id} className="flex items-start gap-2 text-sm">
                    <input
                      type="checkbox"
                      className="mt-0.5 accent-brand"
                      data-testid={`security-group-${group.name}`}
                      checked={chosen.includes(group.id)}
                      onChange={(event) => toggle(group.id, event.target.checked)}
                    />
                    <span>
                      <span className="font-medium">{group.name}</span>
                      {group.description && <span className="block text-xs text-fg-muted">{group.description}</span>}
                    </span>
                  </label>
                ))}
              </fieldset>
            );
          }}
        </WithList>
      )}
    </WithList>
  );
}
