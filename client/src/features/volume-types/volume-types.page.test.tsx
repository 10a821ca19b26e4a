// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeBff } from '../../testing/fake-bff';
import { blockStorageVersions, cinderExtraSpecRefusal, cinderForbiddenError, volumeTypes, volumeTypesAdmin } from '../../testing/fixtures';
import sessionAdmin from '../../testing/fixtures/session-admin.json';

import { byButton, byDetailMenu, describeFormFailures } from '../../testing/form-failure-cases';
import { describeListPage } from '../../testing/list-page-cases';
import { cleanupApp, renderApp } from '../../testing/render-app';

const typesPath = '/api/os/block-storage/types';
const privateType = volumeTypesAdmin.find((type) => !type.is_public)!;

describeListPage('volume types page', {
  page: '/volume-types',
  listPath: typesPath,
  answer: (rows) => ({ volume_types: rows }),
  rows: volumeTypes,
  rowText: (type) => type.name,
  rowShows: (type) => [type.is_public ? 'Public' : 'Private'],
  emptyText: 'No volume type.',
  forbidden: cinderForbiddenError,
  forbiddenMessage: "Policy doesn't allow volume_extension:type_create to be performed.",
});

function adminBff() {
  return new FakeBff(sessionAdmin)
    .on('GET', '/api/versions/block-storage', blockStorageVersions)
    .on('GET', typesPath, { volume_types: volumeTypesAdmin })
    .on('GET', `${typesPath}/${privateType.id}`, { volume_type: privateType })
    .on('GET', `${typesPath}/${privateType.id}/os-volume-type-access`, { volume_type_access: [] })
    .on('GET', '/api/os/block-storage/qos-specs', { qos_specs: [] });
}

describe('volume types, admin pages', () => {
  afterEach(cleanupApp);

  it('lists every type (is_public=None) with its extra specs', async () => {
    const bff = adminBff();
    renderApp('/admin/volume-types', bff);
    expect((await screen.findByText('volume_backend_name=lvmdriver-1')).closest('tr')?.textContent).toContain(privateType.name);
    expect(bff.calls('GET', typesPath)[0]!.url.searchParams.get('is_public')).toBe('None');
  });

  it('creates a private type with its extra specs in one call', async () => {
    const bff = adminBff().on('POST', typesPath, { volume_type: privateType });
    renderApp('/admin/volume-types', bff);
    fireEvent.click(await screen.findByTestId('create-volume-type'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: 'fast' } });
    fireEvent.click(within(dialog).getByTestId('type-private'));
    fireEvent.click(within(dialog).getByTestId('spec-add'));
    fireEvent.change(within(dialog).getByLabelText('Key 1'), { target: { value: 'volume_backend_name' } });
    fireEvent.change(within(dialog).getByLabelText('Value 1'), { target: { value: 'lvm' } });
    expect(within(dialog).getByTestId('action-cli').textContent).toContain('volume type create --private --property volume_backend_name=lvm fast');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create volume type' }));
    await waitFor(() => expect(bff.calls('POST', typesPath)).toHaveLength(1));
    expect(bff.calls('POST', typesPath)[0]!.body).toEqual({
      volume_type: { name: 'fast', 'os-volume-type-access:is_public': false, extra_specs: { volume_backend_name: 'lvm' } },
    });
  });

  it('gives a project access to a private type, chosen by name', async () => {
    const bff = adminBff()
      .on('GET', '/api/os/identity/projects', { projects: [{ id: 'p-demo2', name: 'demo-2', domain_id: 'default', enabled: true }] })
      .on('POST', `${typesPath}/${privateType.id}/action`, new Response(null, { status: 202 }));
    renderApp(`/admin/volume-types/${privateType.id}`, bff);
    fireEvent.click(await screen.findByTestId('detail-actions'));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Give a project access' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(await within(dialog).findByLabelText('Project'), { target: { value: 'p-demo2' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Give a project access' }));
    await waitFor(() => expect(bff.calls('POST', `${typesPath}/${privateType.id}/action`)).toHaveLength(1));
    expect(bff.calls('POST', `${typesPath}/${privateType.id}/action`)[0]!.body).toEqual({ addProjectAccess: { project: 'p-demo2' } });
  });
});

describeFormFailures('volume type forms refused by Cinder', {
  create: {
    page: '/admin/volume-types',
    bff: adminBff,
    open: byButton('create-volume-type'),
    fields: [
      ['Name', privateType.name],
      ['Description', 'kept after a refusal'],
    ],
    method: 'POST',
    path: typesPath,
    refusal: { status: 409, requestId: 'req-9c0d1e2f-3a4b-4c5d-8e6f-a7b8c9d0e155', body: { conflict: { code: 409, message: `Volume Type ${privateType.name} already exists.` } } },
    message: `Volume Type ${privateType.name} already exists.`,
    success: { volume_type: privateType },
  },
  'edit extra specs': {
    page: `/admin/volume-types/${privateType.id}`,
    bff: adminBff,
    open: byDetailMenu('Edit extra specs'),
    prepare: (form) => fireEvent.click(within(form).getByTestId('spec-add')),
    fields: [
      ['Key 2', 'bad/key'],
      ['Value 2', 'x'],
    ],
    method: 'POST',
    path: `${typesPath}/${privateType.id}/extra_specs`,
    refusal: cinderExtraSpecRefusal,
    message: "'bad/key' does not match any of the regexes",
    success: { extra_specs: { ...privateType.extra_specs, 'bad/key': 'x' } },
  },
});
