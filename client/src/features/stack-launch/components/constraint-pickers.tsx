// A parameter with a custom constraint Zenith can list (nova.flavor, glance.image, neutron.network...) is chosen
// from the project's real resources, read by the resource modules the rest of Zenith uses. Heat accepts a name or an
// id for each: a name when it is unique (a readable command line, and it matches a template default written as a
// name), the id otherwise. A value the list does not hold (a default naming something absent) stays offered, marked.
import type { UseQueryResult } from '@tanstack/react-query';
import type { ComponentType, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../lib/ui/loading-state';
import { ErrorNotice } from '../../../lib/ui/error-notice';
import { SelectField, type SelectOption } from '../../../lib/ui/select-field';
import { useFlavors } from '../../../resources/flavors/flavors';
import { useImages } from '../../../resources/images/images';
import { useKeypairs } from '../../../resources/keypairs/keypairs';
import { useSubnets, useUsableNetworks } from '../../../resources/networks/networks';
import { usePorts } from '../../../resources/ports/ports';
import { useRouters } from '../../../resources/routers/routers';
import { useSecurityGroups } from '../../../resources/security-groups/security-groups';
import { useServerNames } from '../../../resources/servers/server-names';
import { useVolumeSnapshots } from '../../../resources/volume-snapshots/volume-snapshots';
import { useVolumeTypes } from '../../../resources/volume-types/volume-types';
import { useVolumes } from '../../../resources/volumes/volumes';

export interface PickerProps {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: string;
  testId?: string;
}

interface Named {
  id: string;
  name: string | null;
}

/** Each resource as an option: its name when no other resource has it, else its id (with the name shown). */
export function pickerOptions(items: readonly Named[]): SelectOption[] {
  const counts = new Map<string, number>();
  for (const item of items) if (item.name) counts.set(item.name, (counts.get(item.name) ?? 0) + 1);
  return items.map((item) =>
    item.name && counts.get(item.name) === 1
      ? { value: item.name, label: item.name }
      : { value: item.id, label: item.name ? `${item.name} (${item.id})` : item.id },
  );
}

function resourcePicker<Data>(useItems: () => UseQueryResult<Data>, toNamed: (data: Data) => readonly Named[]): ComponentType<PickerProps> {
  return function ResourcePicker({ label, value, onChange, hint, error, testId }: PickerProps) {
    const { t } = useTranslation();
    const query = useItems();
    if (query.error) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
    if (query.data === undefined) return <LoadingState label={t('stack-launch.parameters.loadingChoices')} className="py-2" />;
    const items = toNamed(query.data);
    const options = pickerOptions(items);
    // A value given as an id (a default, an environment file) shows as the resource it names.
    const shown = options.find((option) => option.value === value) ?? options[items.findIndex((item) => item.id === value)];
    return (
      <SelectField
        label={label}
        value={shown?.value ?? value}
        onChange={onChange}
        options={shown || value === '' ? options : [{ value, label: t('stack-launch.parameters.notFound', { value }) }, ...options]}
        placeholder={t('stack-launch.parameters.choose')}
        hint={hint}
        error={error}
        testId={testId}
      />
    );
  };
}

const byName = <Item extends { name: string }>(items: readonly Item[]) => items.map((item) => ({ id: item.name, name: item.name }));

/** The constraints Zenith offers a chooser for, by Heat's constraint name (heat.constraints entry points). */
export const constraintPickers: Readonly<Record<string, ComponentType<PickerProps>>> = {
  'nova.flavor': resourcePicker(useFlavors, (flavors) => flavors),
  'glance.image': resourcePicker(() => useImages({ status: 'active' }), (images) => images),
  'nova.keypair': resourcePicker(useKeypairs, byName),
  'nova.server': resourcePicker(useServerNames, (names) => [...names].map(([id, name]) => ({ id, name }))),
  'neutron.network': resourcePicker(useUsableNetworks, (networks) => networks),
  'neutron.subnet': resourcePicker(() => useSubnets(), (subnets) => subnets),
  'neutron.port': resourcePicker(() => usePorts(), (ports) => ports),
  'neutron.router': resourcePicker(() => useRouters(), (routers) => routers),
  'neutron.security_group': resourcePicker(useSecurityGroups, (groups) => groups),
  'cinder.volume': resourcePicker(() => useVolumes(), (volumes) => volumes),
  'cinder.snapshot': resourcePicker(() => useVolumeSnapshots(), (snapshots) => snapshots),
  'cinder.vtype': resourcePicker(useVolumeTypes, byName),
};
