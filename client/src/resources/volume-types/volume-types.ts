// Cinder volume types (block-storage service): those the project can create volumes of, and for admins every type
// (public and private), one type, the projects given access to a private type, and the QoS specifications.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError } from '../../lib/api/api-error';
import { api } from '../../lib/api/client';
import { scopedQueryKeys, type QueryScope } from '../../lib/api/query-keys';
import { useScope } from '../../lib/scope';
import type { QosSpec, VolumeType, VolumeTypeAccess } from './types';

export const volumeTypeKeys = scopedQueryKeys('block-storage', 'types');
export const qosSpecKeys = scopedQueryKeys('block-storage', 'qos-specs');

export const volumeTypesPath = '/api/os/block-storage/types';
export const volumeTypePath = (id: string) => `${volumeTypesPath}/${encodeURIComponent(id)}`;
export const qosSpecsPath = '/api/os/block-storage/qos-specs';

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

/** Cinder lists types unpaged unless asked; a cloud has a handful. */
export async function fetchVolumeTypes(signal?: AbortSignal): Promise<VolumeType[]> {
  const { volume_types } = await api.get<{ volume_types: VolumeType[] }>(volumeTypesPath, { signal });
  return volume_types.sort(byName);
}

/** Every type, private ones included: Cinder only honours `is_public=None` for admins (others get what they use). */
export async function fetchAllVolumeTypes(signal?: AbortSignal): Promise<VolumeType[]> {
  const { volume_types } = await api.get<{ volume_types: VolumeType[] }>(volumeTypesPath, { signal, params: { is_public: 'None' } });
  return volume_types.sort(byName);
}

export async function fetchVolumeType(id: string, signal?: AbortSignal): Promise<VolumeType> {
  const { volume_type } = await api.get<{ volume_type: VolumeType }>(volumeTypePath(id), { signal });
  return volume_type;
}

export async function fetchVolumeTypeAccess(id: string, signal?: AbortSignal): Promise<VolumeTypeAccess[]> {
  const { volume_type_access } = await api.get<{ volume_type_access: VolumeTypeAccess[] }>(`${volumeTypePath(id)}/os-volume-type-access`, { signal });
  return volume_type_access;
}

export async function fetchQosSpecs(signal?: AbortSignal): Promise<QosSpec[]> {
  const { qos_specs } = await api.get<{ qos_specs: QosSpec[] }>(qosSpecsPath, { signal });
  return qos_specs.sort(byName);
}

export const volumeTypesQueryOptions = (scope: QueryScope) =>
  queryOptions({
    queryKey: volumeTypeKeys.all(scope),
    queryFn: ({ signal }) => fetchVolumeTypes(signal),
  });

export const allVolumeTypesQueryOptions = (scope: QueryScope) =>
  queryOptions({
    queryKey: volumeTypeKeys.list(scope, { view: 'all' }),
    queryFn: ({ signal }) => fetchAllVolumeTypes(signal),
  });

export const volumeTypeQueryOptions = (scope: QueryScope, id: string) =>
  queryOptions({
    queryKey: volumeTypeKeys.detail(scope, id),
    queryFn: ({ signal }) => fetchVolumeType(id, signal),
    retry: (count, error) => !(error instanceof ApiError && error.status === 404) && count < 2,
  });

export function useVolumeTypes() {
  return useQuery(volumeTypesQueryOptions(useScope()));
}

export function useAllVolumeTypes() {
  return useQuery(allVolumeTypesQueryOptions(useScope()));
}

export function useVolumeType(id: string) {
  return useQuery({ ...volumeTypeQueryOptions(useScope(), id), enabled: id !== '' });
}

/** A public type has no access list (Cinder refuses to read one): asked for private types only. */
export function useVolumeTypeAccess(type: VolumeType | undefined) {
  const scope = useScope();
  const id = type?.id ?? '';
  return useQuery({
    queryKey: [...volumeTypeKeys.detail(scope, id), 'access'] as const,
    queryFn: ({ signal }) => fetchVolumeTypeAccess(id, signal),
    enabled: type !== undefined && !type.is_public,
  });
}

/** `fresh`: read again on mount whatever the cache holds (a chooser must offer the specification made a moment ago). */
export function useQosSpecs({ fresh = false } = {}) {
  const scope = useScope();
  return useQuery({ queryKey: qosSpecKeys.all(scope), queryFn: ({ signal }) => fetchQosSpecs(signal), refetchOnMount: fresh ? 'always' : true });
}
