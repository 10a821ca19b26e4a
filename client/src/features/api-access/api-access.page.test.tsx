// @vitest-environment jsdom
// The API access page over a fake BFF. The answers are shaped as Keystone's code writes them (keystone/api/users.py:
// the EC2 create answer with its secret, application credentials listed without one); the real Keystone is the e2e's.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CatalogResponse } from '@contract/catalog';
import { openstackError, FakeBff } from '../../testing/fake-bff';
import { keystoneForbiddenError } from '../../testing/fixtures';
import sessionDemo from '../../testing/fixtures/session-demo.json';
import { byButton, describeFormFailures } from '../../testing/form-failure-cases';
import { cleanupApp, renderApp } from '../../testing/render-app';

const userId = sessionDemo.user.id;
const projectId = sessionDemo.project.id;
const ec2Path = `/api/os/identity/users/${userId}/credentials/OS-EC2`;
const appCredPath = `/api/os/identity/users/${userId}/application_credentials`;
const ec2Secret = '9d2c63a1e6b44f0c8a5e1b7f3c2d4e6f';
const appCredSecret = 'hX2m4Q9kz_VbN8rT1yLw6pAe3sD5fG7jK0uI-oPqRsTuVwXyZaBcDeFgHiJkLmNoPqRsTuVwXyZaBcDeFgHiJk';

const catalog: CatalogResponse = {
  authUrl: 'http://127.0.0.1:5000/v3',
  region: 'RegionOne',
  interface: 'public',
  entries: [
    {
      type: 'compute',
      name: 'nova',
      endpoints: [
        { id: 'c1', region: 'RegionOne', interface: 'public', url: 'http://127.0.0.1:8774/v2.1' },
        { id: 'c2', region: 'RegionTwo', interface: 'public', url: 'http://10.0.0.2:8774/v2.1' },
        { id: 'c3', region: 'RegionOne', interface: 'internal', url: 'http://nova.internal:8774/v2.1' },
      ],
    },
    { type: 'identity', name: 'keystone', endpoints: [{ id: 'k1', region: 'RegionOne', interface: 'public', url: 'http://127.0.0.1:5000/v3' }] },
  ],
};

function bff() {
  return new FakeBff()
    .on('GET', '/api/auth/catalog', catalog)
    .on('GET', '/api/auth/projects', { projects: [{ id: projectId, name: 'demo', domainId: 'default', enabled: true }] })
    .on('GET', '/api/auth/ec2-credentials', { credentials: [] })
    .on('GET', appCredPath, { application_credentials: [], links: { self: 'x', previous: null, next: null } });
}

/** Every answer the page's query cache holds, as text: where a secret must not stay. */
function cachedText(queryClient: ReturnType<typeof renderApp>['queryClient']) {
  return JSON.stringify(queryClient.getQueryCache().getAll().map((query) => query.state.data));
}

describe('API access page', () => {
  afterEach(cleanupApp);

  it('lists the catalog by service, every region, filtered by region', async () => {
    renderApp('/api-access', bff());
    const table = await screen.findByRole('table', { name: 'Service catalog' });
    expect(within(table).getAllByTestId('catalog-endpoint')).toHaveLength(4);
    expect(table.textContent).toContain('http://10.0.0.2:8774/v2.1');
    fireEvent.change(screen.getByTestId('catalog-region-filter'), { target: { value: 'RegionTwo' } });
    expect(within(table).getAllByTestId('catalog-endpoint').map((row) => row.dataset.region)).toEqual(['RegionTwo']);
    expect(within(table).queryByText('keystone')).toBeNull();
  });

  it('offers clouds.yaml and openrc for the session, without a password', async () => {
    renderApp('/api-access', bff());
    const yaml = (await screen.findByTestId('clouds-yaml-text')).textContent ?? '';
    expect(yaml).toContain('auth_url: "http://127.0.0.1:5000/v3"');
    expect(yaml).toContain(`project_id: "${projectId}"`);
    expect(yaml).not.toMatch(/^\s*password:/m);
    const openrc = screen.getByTestId('openrc-text').textContent ?? '';
    expect(openrc).toContain('read -sr OS_PASSWORD_INPUT');
    expect(screen.getByTestId('clouds-yaml-try').textContent).toBe('openstack --os-cloud demo-RegionOne server list');
  });

  it('shows a new EC2 secret once, in the dialog, and keeps it nowhere after', async () => {
    const server = bff();
    let created = false;
    server.on('GET', '/api/auth/ec2-credentials', () =>
      Response.json({ credentials: created ? [{ access: 'a1c0ffee', tenant_id: projectId, user_id: userId, trust_id: null }] : [] }),
    );
    server.on('POST', ec2Path, () => {
      created = true;
      return Response.json({ credential: { user_id: userId, tenant_id: projectId, access: 'a1c0ffee', secret: ec2Secret, trust_id: null, links: { self: 'x' } } }, { status: 201 });
    });
    const { queryClient } = renderApp('/api-access?tab=ec2', server);
    fireEvent.click(await screen.findByTestId('create-ec2-credential'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByTestId('action-cli').textContent).toContain(`openstack ec2 credentials create --project ${projectId} --user ${userId}`);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create EC2 credential' }));

    expect((await within(dialog).findByTestId('ec2-secret')).textContent).toBe(ec2Secret);
    expect(server.calls('POST', ec2Path)[0]!.body).toEqual({ tenant_id: projectId });
    expect(within(dialog).getByTestId('ec2rc-text').textContent).toContain(`export EC2_SECRET_KEY=${ec2Secret}`);
    expect(within(dialog).getByTestId('ec2rc-text').textContent).toContain('no ec2 endpoint');
    await screen.findByText('a1c0ffee', { selector: '[data-testid="ec2-credential-access"]' });
    expect(cachedText(queryClient)).not.toContain(ec2Secret);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.body.textContent).not.toContain(ec2Secret);
    expect(cachedText(queryClient)).not.toContain(ec2Secret);
  });

  it('creates an application credential with chosen roles and rules, and shows its secret and clouds.yaml once', async () => {
    const server = bff();
    server.on('POST', appCredPath, (request) => {
      const body = request.body as { application_credential: Record<string, unknown> };
      return Response.json(
        {
          application_credential: {
            ...body.application_credential,
            id: 'f3a9c1d2e4b5',
            project_id: projectId,
            roles: [{ id: 'r1', name: 'member', domain_id: null }],
            unrestricted: false,
            expires_at: null,
            secret: appCredSecret,
            links: { self: 'x' },
          },
        },
        { status: 201 },
      );
    });
    const { queryClient } = renderApp('/api-access?tab=application-credentials', server);
    fireEvent.click(await screen.findByTestId('create-application-credential'));
    const dialog = await screen.findByRole('dialog');
    const submit = within(dialog).getByRole('button', { name: 'Create application credential' });
    expect(submit.hasAttribute('disabled')).toBe(true);
    fireEvent.change(within(dialog).getByTestId('application-credential-name'), { target: { value: 'ci runner' } });
    for (const role of ['reader', 'heat_stack_owner']) fireEvent.click(within(dialog).getByTestId(`application-credential-role-${role}`));
    fireEvent.click(within(dialog).getByTestId('access-rule-add'));
    fireEvent.change(within(dialog).getByTestId('access-rule-path'), { target: { value: '/v2.1/servers' } });
    expect(within(dialog).getByTestId('unrestricted-warning').textContent).toContain('Dangerous');
    expect(within(within(dialog).getByTestId('action-cli')).getByTestId('cli-command').textContent).toBe(
      `openstack application credential create --role member --access-rules '[{"method":"GET","path":"/v2.1/servers","service":"compute"}]' 'ci runner'`,
    );
    fireEvent.click(submit);

    expect((await within(dialog).findByTestId('application-credential-secret')).textContent).toBe(appCredSecret);
    expect(server.calls('POST', appCredPath)[0]!.body).toEqual({
      application_credential: { name: 'ci runner', roles: [{ name: 'member' }], unrestricted: false, access_rules: [{ method: 'GET', path: '/v2.1/servers', service: 'compute' }] },
    });
    const yaml = within(dialog).getByTestId('application-credential-clouds-yaml').textContent ?? '';
    expect(yaml).toContain('auth_type: v3applicationcredential');
    expect(yaml).toContain(`application_credential_secret: "${appCredSecret}"`);
    expect(within(dialog).getByTestId('application-credential-try').textContent).toBe('openstack --os-cloud ci-runner-RegionOne token issue');

    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.body.textContent).not.toContain(appCredSecret);
    expect(cachedText(queryClient)).not.toContain(appCredSecret);
  });

  it("shows Keystone's refusal of the application credential list with its request id", async () => {
    renderApp('/api-access?tab=application-credentials', bff().on('GET', appCredPath, openstackError(keystoneForbiddenError)));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('You are not authorized to perform the requested action');
    expect(alert.textContent).toContain(keystoneForbiddenError.requestId);
  });
});

// The EC2 credential create has no input: the application credential's is this feature's one form.
describeFormFailures('application credential form refused by Keystone', {
  create: {
    page: '/api-access?tab=application-credentials',
    bff,
    open: byButton('create-application-credential'),
    prepare: (form) => fireEvent.click(within(form).getByTestId('application-credential-role-reader')),
    fields: [
      ['Name', 'ci runner'],
      ['Description', 'for the nightly build'],
    ],
    method: 'POST',
    path: appCredPath,
    refusal: {
      status: 409,
      requestId: 'req-4b5c6d7e-8f9a-4b0c-9d1e-f2a3b4c5d6aa',
      body: { error: { code: 409, message: 'Conflict occurred attempting to store application_credential - Duplicate entry found with name ci runner.', title: 'Conflict' } },
    },
    message: 'Duplicate entry found with name ci runner.',
    success: Response.json(
      { application_credential: { id: 'f3a9c1d2e4b5', name: 'ci runner', description: 'for the nightly build', project_id: projectId, roles: [{ id: 'r2', name: 'reader', domain_id: null }], unrestricted: false, expires_at: null, secret: appCredSecret, links: { self: 'x' } } },
      { status: 201 },
    ),
    // The secret is shown once, in the dialog.
    succeeded: async () => expect((await screen.findByTestId('application-credential-secret')).textContent).toBe(appCredSecret),
  },
});
