// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Stack, StackEvent, StackResource, StackSummary } from '../../resources/stacks/types';
import { FakeBff, heldAnswer, openstackError, type BffRequest, type CapturedError } from '../../testing/fake-bff';
import { byButton, describeFormFailures } from '../../testing/form-failure-cases';
import { describeListPage } from '../../testing/list-page-cases';
import { cleanupApp, renderApp, rowOf } from '../../testing/render-app';

// Shaped as the local cloud's Heat (Zed) answered them, through the BFF, for stacks made with the CLI.
const heat = 'http://127.0.0.1:8004/v1/76d0ef38c29244659ae8e6914d7ac57c';
const stacksPath = '/api/os/orchestration/stacks';
const link = (name: string, id: string, rel = 'self') => ({ href: `${heat}/stacks/${name}/${id}`, rel });

function summary(name: string, id: string, overrides: Partial<StackSummary> = {}): StackSummary {
  return {
    id,
    links: [link(name, id)],
    stack_name: name,
    description: '',
    stack_status: 'CREATE_COMPLETE',
    stack_status_reason: 'Stack CREATE completed successfully',
    creation_time: '2026-12-07T06:05:40Z',
    updated_time: null,
    deletion_time: null,
    stack_owner: 'demo',
    parent: null,
    stack_user_project_id: '232f4b0b7cde4208abe26f2aafaee2e9',
    tags: null,
    ...overrides,
  };
}

const main = summary('probe-main', '5e7ae4f8-3847-4466-9eca-32232a632f05', { tags: ['a', 'b'] });
const failing = summary('probe-fail', '3d9f9b51-a1ac-4201-a5a7-353785ccea07', {
  stack_status: 'CREATE_FAILED',
  stack_status_reason:
    "Resource CREATE failed: BadRequest: resources.subnet: The allocation pool 10.99.0.10-10.99.0.20 spans beyond the subnet cidr 10.78.0.0/24.\nNeutron server returns request_ids: ['req-aa91f970-642c-445c-8404-000820ed9500']",
  creation_time: '2026-12-07T06:06:46Z',
  tags: [],
});
const inner = summary('probe-main-inner-twgj4xpcmw42', 'c10f24d0-e6d4-4eda-b444-a296482025a9', { parent: main.id, creation_time: '2026-12-07T06:05:42Z' });
const group = summary('probe-main-group-tpdifjo3huq4', '9953f52e-8eab-42b3-b51e-9a6cdb0cdf43', { parent: main.id });

function detail(stack: StackSummary, overrides: Partial<Stack> = {}): Stack {
  return {
    ...stack,
    parameters: { 'OS::stack_id': stack.id, 'OS::project_id': '76d0ef38c29244659ae8e6914d7ac57c', 'OS::stack_name': stack.stack_name, secret: '******', length: '12' },
    outputs: [],
    timeout_mins: null,
    disable_rollback: true,
    capabilities: [],
    notification_topics: [],
    template_description: stack.description,
    ...overrides,
  };
}

function resource(stack: StackSummary, name: string, type: string, physicalId: string, overrides: Partial<StackResource> = {}): StackResource {
  return {
    updated_time: '2026-12-07T06:06:11Z',
    creation_time: '2026-12-07T06:06:11Z',
    logical_resource_id: name,
    resource_name: name,
    physical_resource_id: physicalId,
    resource_status: 'CREATE_COMPLETE',
    resource_status_reason: 'state changed',
    resource_type: type,
    links: [{ href: `${heat}/stacks/${stack.stack_name}/${stack.id}/resources/${name}`, rel: 'self' }, link(stack.stack_name, stack.id, 'stack')],
    required_by: [],
    ...overrides,
  };
}

function event(stack: StackSummary, id: string, name: string, status: string, reason = 'state changed'): StackEvent {
  return {
    id,
    links: [link(stack.stack_name, stack.id, 'stack')],
    event_time: '2026-12-07T06:06:11Z',
    logical_resource_id: name,
    resource_name: name,
    physical_resource_id: '',
    resource_status: status,
    resource_status_reason: reason,
  };
}

/** Heat's policy refusal, captured as the demo user (GET /stacks?global_tenant=true). */
const heatForbidden: CapturedError = {
  status: 403,
  requestId: 'req-a132166d-ecf4-430c-b74a-b23f73315e28',
  body: { code: 403, title: 'Forbidden', explanation: 'Access was denied to this resource.', error: { type: 'Forbidden', traceback: null, message: 'You are not authorized to use stacks:global_index.' } },
};

const stackPath = (stack: StackSummary) => `${stacksPath}/${stack.stack_name}/${stack.id}`;
const query = (request: BffRequest) => Object.fromEntries(request.url.searchParams);

describeListPage('stacks page', {
  page: '/stacks',
  listPath: stacksPath,
  answer: (rows) => ({ stacks: rows }),
  rows: [main, failing],
  rowText: (stack) => stack.stack_name,
  rowShows: (stack) => (stack === main ? ['Create complete', 'a', 'b'] : ['Create failed', 'spans beyond the subnet cidr']),
  emptyText: 'No stacks yet',
  forbidden: heatForbidden,
  forbiddenMessage: 'You are not authorized to use stacks:global_index.',
  action: { menuLabel: (stack) => `Actions for ${stack.stack_name}`, label: 'Delete', method: 'DELETE', path: stackPath },
});

describe('stacks page, its own behaviour', () => {
  afterEach(() => {
    cleanupApp();
    vi.restoreAllMocks();
  });

  const openMenu = async (stack: StackSummary, item: string) => {
    fireEvent.click(within(await rowOf(stack.stack_name)).getByRole('button', { name: `Actions for ${stack.stack_name}` }));
    fireEvent.click(screen.getByRole('menuitem', { name: item }));
  };

  it("asks Heat for the URL's page, sort and filters, and shows a stack's nested stacks under it on demand", async () => {
    const bff = new FakeBff().on('GET', stacksPath, (request) =>
      Response.json({ stacks: request.url.searchParams.get('owner_id') === main.id ? [group, inner] : [main, failing] }),
    );
    renderApp('/stacks?sort=stack_name&dir=asc&limit=10&status=CREATE_COMPLETE&name=probe-main', bff);
    await rowOf(main.stack_name);
    expect(query(bff.calls('GET', stacksPath)[0]!)).toEqual({ limit: '11', sort_keys: 'stack_name', sort_dir: 'asc', name: 'probe-main', action: 'CREATE', status: 'COMPLETE' });

    fireEvent.click(within(rowOf.now(main.stack_name)).getByTestId('stack-expand'));
    await rowOf(inner.stack_name);
    expect(query(bff.calls('GET', stacksPath)[1]!)).toMatchObject({ owner_id: main.id, show_nested: 'true' });
    const names = screen.getAllByTestId('stack-name').map((name) => name.textContent);
    expect(names).toEqual([main.stack_name, group.stack_name, inner.stack_name, failing.stack_name]);
    // Heat manages a nested stack through its parent: its menu says so.
    fireEvent.click(within(rowOf.now(inner.stack_name)).getByRole('button', { name: `Actions for ${inner.stack_name}` }));
    expect(screen.getByRole('menuitem', { name: /Suspend/ }).getAttribute('aria-disabled')).toBe('true');
    expect(screen.getAllByRole('menuitem').every((item) => item.getAttribute('aria-disabled') === 'true')).toBe(true);
    expect(screen.getAllByText('A nested stack changes with its parent stack: act on the parent.')).toHaveLength(screen.getAllByRole('menuitem').length);
  });

  it('marks a suspended stack pending at once and polls it until Heat shows SUSPEND_COMPLETE', async () => {
    const bff = new FakeBff()
      .on('GET', stacksPath, { stacks: [main] })
      .on('POST', `${stackPath(main)}/actions`, new Response(null, { status: 200 }))
      // Read just after the write, the stack may not show the suspend yet: the page keeps polling.
      .on(
        'GET',
        stackPath(main),
        { stack: detail(main) },
        { stack: detail(main, { stack_status: 'SUSPEND_IN_PROGRESS', stack_status_reason: 'Stack SUSPEND started' }) },
        { stack: detail(main, { stack_status: 'SUSPEND_COMPLETE', stack_status_reason: 'Stack SUSPEND completed successfully' }) },
      );
    renderApp('/stacks', bff);
    await openMenu(main, 'Suspend');
    await waitFor(() => expect(bff.calls('POST', `${stackPath(main)}/actions`)).toHaveLength(1));
    expect(bff.calls('POST', `${stackPath(main)}/actions`)[0]!.body).toEqual({ suspend: null });
    await waitFor(() => expect(within(rowOf.now(main.stack_name)).getByTestId('stack-status').textContent).toContain('waiting for Heat'));
    await waitFor(() => expect(within(rowOf.now(main.stack_name)).getByTestId('stack-status').getAttribute('data-status')).toBe('SUSPEND_COMPLETE'), { timeout: 10_000 });
    expect(within(rowOf.now(main.stack_name)).getByTestId('stack-status').textContent).not.toContain('waiting for Heat');
    expect(bff.calls('GET', stacksPath)).toHaveLength(1);
  }, 15_000);

  it('lists, before a delete, the resources it deletes by type and name', async () => {
    const bff = new FakeBff()
      .on('GET', stacksPath, { stacks: [main] })
      .on('GET', `${stackPath(main)}/resources`, {
        resources: [
          resource(main, 'net', 'OS::Neutron::Net', 'n1'),
          resource(main, 'subnet', 'OS::Neutron::Subnet', 's1'),
          resource(main, 'random', 'OS::Heat::RandomString', 'r1'),
          resource(inner, 'word', 'OS::Heat::RandomString', 'r2', { parent_resource: 'inner' }),
        ],
      });
    renderApp('/stacks', bff);
    await openMenu(main, 'Delete');
    const dialog = await screen.findByRole('dialog');
    await waitFor(() => expect(within(dialog).getAllByTestId('deleted-resource-type')).toHaveLength(3));
    expect(within(dialog).getByTestId('deleted-resources').textContent).toContain('4 resources will be deleted');
    expect(within(dialog).getAllByTestId('deleted-resource-type').map((entry) => entry.textContent)).toEqual([
      'OS::Heat::RandomString random, word',
      'OS::Neutron::Net net',
      'OS::Neutron::Subnet subnet',
    ]);
    expect(query(bff.calls('GET', `${stackPath(main)}/resources`)[0]!)).toEqual({ nested_depth: '5' });
    expect(within(dialog).getByTestId('action-cli').textContent).toContain(`openstack stack delete --yes ${main.id}`);
  });

  it("shows Heat's abandon data once, with a download, and leaves the resources in place", async () => {
    const abandoned = { name: main.stack_name, id: main.id, action: 'CREATE', status: 'COMPLETE', template: { heat_template_version: '2018-08-31' }, environment: {}, files: {}, resources: { net: { name: 'net', type: 'OS::Neutron::Net', resource_id: 'n1' } }, project_id: 'p', stack_user_project_id: null, tags: null };
    const bff = new FakeBff().on('GET', stacksPath, { stacks: [main] }).on('DELETE', `${stackPath(main)}/abandon`, abandoned);
    const createObjectURL = vi.fn(() => 'blob:abandon');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const downloads: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
    renderApp('/stacks', bff);
    await openMenu(main, 'Abandon');
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('leaves its resources in place');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Abandon' }));
    expect(JSON.parse((await within(dialog).findByTestId('abandon-data')).textContent)).toEqual(abandoned);
    expect(within(dialog).getByTestId('abandon-shown-once').textContent).toContain('its 1 resource stays in place');
    fireEvent.click(within(dialog).getByTestId('abandon-download'));
    expect(createObjectURL).toHaveBeenCalledTimes(1);
    expect(downloads).toEqual([`${main.stack_name}-abandon.json`]);
  });

  it("shows Heat's refusal of an abandon as it says it", async () => {
    const refusal: CapturedError = {
      status: 400,
      requestId: 'req-fda7f1df-e74d-4a75-9415-0a09aadd4701',
      body: { code: 400, title: 'Bad Request', explanation: 'The server could not comply with the request since it is either malformed or otherwise incorrect.', error: { type: 'NotSupported', traceback: null, message: 'Stack Abandon is not supported.' } },
    };
    const bff = new FakeBff().on('GET', stacksPath, { stacks: [main] }).on('DELETE', `${stackPath(main)}/abandon`, openstackError(refusal));
    renderApp('/stacks', bff);
    await openMenu(main, 'Abandon');
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Abandon' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('Stack Abandon is not supported.');
    expect(alert.textContent).toContain(refusal.requestId);
  });

  it('adopts a stack from an abandon data file under the name given', async () => {
    const data = JSON.stringify({ name: 'old', id: 'x', template: { heat_template_version: '2018-08-31' }, resources: { net: { name: 'net', type: 'OS::Neutron::Net', resource_id: 'n1' } }, files: { 'inner.yaml': 'heat_template_version: 2018-08-31' } });
    const created = heldAnswer();
    const bff = new FakeBff().on('GET', stacksPath, { stacks: [main] }).on('POST', stacksPath, created.answer);
    renderApp('/stacks', bff);
    await rowOf(main.stack_name);
    fireEvent.click(screen.getByTestId('adopt-stack'));
    const dialog = await screen.findByRole('dialog');
    const submit = within(dialog).getByTestId('action-submit');
    expect(submit.hasAttribute('disabled')).toBe(true);
    // jsdom's File has no text(); a browser's has.
    const file = Object.assign(new File([data], 'old-abandon.json', { type: 'application/json' }), { text: async () => data });
    fireEvent.change(within(dialog).getByTestId('adopt-file'), { target: { files: [file] } });
    await waitFor(() => expect(within(dialog).getByTestId('adopt-file-summary').textContent).toBe('Stack old, 1 resource.'));
    expect(within(dialog).getByTestId<HTMLInputElement>('adopt-name').value).toBe('old');
    fireEvent.change(within(dialog).getByTestId('adopt-name'), { target: { value: 'adopted' } });
    expect(within(dialog).getByTestId('action-cli').textContent).toContain('openstack stack adopt --adopt-file old-abandon.json adopted');
    fireEvent.click(submit);
    await waitFor(() => expect(bff.calls('POST', stacksPath)).toHaveLength(1));
    expect(bff.calls('POST', stacksPath)[0]!.body).toEqual({ stack_name: 'adopted', adopt_stack_data: data, files: { 'inner.yaml': 'heat_template_version: 2018-08-31' }, disable_rollback: true });
    created.release(Response.json({ stack: { id: 'new', links: [] } }, { status: 201 }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});

// Adopting is this feature's one form with input (abandon and delete only confirm).
const abandonData = JSON.stringify({ name: 'old', id: 'x', template: { heat_template_version: '2018-08-31' }, resources: {} });
describeFormFailures('stack adopt form refused by Heat', {
  adopt: {
    page: '/stacks',
    bff: () => new FakeBff().on('GET', stacksPath, { stacks: [main] }),
    open: byButton('adopt-stack'),
    prepare: async (form) => {
      // jsdom's File has no text(); a browser's has.
      const file = Object.assign(new File([abandonData], 'old-abandon.json', { type: 'application/json' }), { text: async () => abandonData });
      fireEvent.change(within(form).getByTestId('adopt-file'), { target: { files: [file] } });
      await within(form).findByTestId('adopt-file-summary');
    },
    fieldsBy: 'testId',
    fields: [['adopt-name', 'adopted']],
    method: 'POST',
    path: stacksPath,
    refusal: {
      status: 400,
      requestId: 'req-7e8f9a0b-1c2d-4e3f-8a4b-c5d6e7f8a9dd',
      body: { code: 400, title: 'Bad Request', explanation: 'The server could not comply with the request since it is either malformed or otherwise incorrect.', error: { type: 'NotSupported', traceback: null, message: 'Stack Adopt is not supported.' } },
    },
    message: 'Stack Adopt is not supported.',
    success: Response.json({ stack: { id: 'new', links: [] } }, { status: 201 }),
  },
});

describe('stack detail', () => {
  afterEach(cleanupApp);

  it('shows a failed stack\'s reason and failing resource first, its outputs, masked parameters and linked resources', async () => {
    const failed = detail(failing, {
      outputs: [
        { output_key: 'cidr', description: 'No description given', output_value: null, output_error: 'Incorrect index to "str_split" should be between 0 and 0' },
        { output_key: 'info', description: 'Where it is', output_value: { name: 'net', ids: ['a'] } },
        { output_key: 'word', description: 'No description given', output_value: 'XJm1y0mybFRg' },
      ],
    });
    const resources = [
      resource(failing, 'subnet', 'OS::Neutron::Subnet', '', {
        resource_status: 'CREATE_FAILED',
        resource_status_reason: 'BadRequest: resources.subnet: The allocation pool 10.99.0.10-10.99.0.20 spans beyond the subnet cidr 10.78.0.0/24.',
      }),
      resource(failing, 'net', 'OS::Neutron::Net', 'n1', { required_by: ['subnet'] }),
      resource(failing, 'good', 'OS::Neutron::Subnet', 's1'),
      resource(failing, 'server', 'OS::Nova::Server', 'vm1'),
      resource(failing, 'inner', 'inner.yaml', inner.id, { links: [link(failing.stack_name, failing.id, 'stack'), link(inner.stack_name, inner.id, 'nested')] }),
      resource(inner, 'word', 'OS::Heat::RandomString', 'probe-word'),
    ];
    const bff = new FakeBff()
      .on('GET', stackPath(failing), { stack: failed })
      .on('GET', `${stackPath(failing)}/resources`, { resources })
      .on('GET', `${stackPath(failing)}/events`, { events: [] })
      .on('GET', '/api/os/network/v2.0/subnets', { subnets: [{ id: 's1', network_id: 'n1' }] });
    renderApp(`/stacks/${failing.stack_name}/${failing.id}`, bff);

    const failure = await screen.findByTestId('stack-failure');
    expect(within(failure).getByTestId('stack-failure-reason').textContent).toContain('spans beyond the subnet cidr 10.78.0.0/24');
    await waitFor(() => expect(within(failure).getAllByTestId('failed-resource').map((entry) => entry.getAttribute('data-name'))).toEqual(['subnet']));
    expect(screen.getByTestId('stack-parameter-value-secret').textContent).toBe('******');

    fireEvent.click(screen.getByTestId('tab-outputs'));
    const outputs = await screen.findAllByTestId('stack-output');
    expect(outputs.map((output) => output.getAttribute('data-key'))).toEqual(['cidr', 'info', 'word']);
    expect(within(outputs[0]!).getByTestId('stack-output-error').textContent).toContain('Incorrect index to "str_split"');
    expect(JSON.parse(within(outputs[1]!).getByTestId('stack-output-value').textContent)).toEqual({ name: 'net', ids: ['a'] });
    expect(within(outputs[2]!).getByTestId('stack-output-value').textContent).toBe('XJm1y0mybFRg');

    fireEvent.click(screen.getByTestId('tab-resources'));
    const rows = await screen.findAllByTestId('stack-resource');
    expect(rows.map((row) => [row.getAttribute('data-name'), row.getAttribute('data-depth')])).toEqual([
      ['good', '0'],
      ['inner', '0'],
      ['word', '1'],
      ['net', '0'],
      ['server', '0'],
      ['subnet', '0'],
    ]);
    const linkOf = (name: string) => rows.find((row) => row.getAttribute('data-name') === name)!.querySelector('a')?.getAttribute('href');
    expect(linkOf('server')).toBe('/instances/vm1');
    expect(linkOf('net')).toBe('/networks/n1');
    expect(linkOf('inner')).toBe(`/stacks/${inner.stack_name}/${inner.id}`);
    // A subnet shows on its network's page: one Neutron read of the stack's subnets tells which.
    await waitFor(() => expect(linkOf('good')).toBe('/networks/n1'));
    expect(query(bff.calls('GET', '/api/os/network/v2.0/subnets')[0]!)).toMatchObject({ id: 's1' });
    expect(linkOf('word')).toBeUndefined();
  });

  it('reads the events of a stack in progress once, then only those after the last one, appended', async () => {
    const creating = detail(main, { stack_status: 'CREATE_IN_PROGRESS', stack_status_reason: 'Stack CREATE started' });
    const first = [event(main, 'e1', main.stack_name, 'CREATE_IN_PROGRESS', 'Stack CREATE started'), event(main, 'e2', 'net', 'CREATE_IN_PROGRESS')];
    const eventsPath = `${stackPath(main)}/events`;
    let after: StackEvent[][] = [[event(main, 'e3', 'net', 'CREATE_COMPLETE')], [], [event(main, 'e4', main.stack_name, 'CREATE_COMPLETE', 'Stack CREATE completed successfully')]];
    const bff = new FakeBff()
      .on('GET', stackPath(main), { stack: creating }, { stack: creating }, { stack: detail(main) })
      .on('GET', `${stackPath(main)}/resources`, { resources: [] })
      .on('GET', eventsPath, (request) => {
        if (!request.url.searchParams.has('marker')) return Response.json({ events: first });
        const [next = [], ...rest] = after;
        after = rest;
        return Response.json({ events: next });
      });
    renderApp(`/stacks/${main.stack_name}/${main.id}?tab=events`, bff);
    await waitFor(() => expect(screen.getAllByTestId('stack-event').map((entry) => entry.getAttribute('data-resource'))).toEqual(['net', main.stack_name]));
    await waitFor(() => expect(screen.getAllByTestId('stack-event')).toHaveLength(4), { timeout: 10_000 });
    expect(screen.getAllByTestId('stack-event').map((entry) => entry.getAttribute('data-status'))).toEqual(['CREATE_COMPLETE', 'CREATE_COMPLETE', 'CREATE_IN_PROGRESS', 'CREATE_IN_PROGRESS']);
    const calls = bff.calls('GET', eventsPath).map((request) => request.url.searchParams.get('marker'));
    expect(calls[0]).toBeNull();
    expect(calls.slice(1)).toEqual(expect.arrayContaining(['e2', 'e3']));
    expect(calls.filter((marker) => marker === null)).toHaveLength(1);
    expect(query(bff.calls('GET', eventsPath)[0]!)).toEqual({ sort_dir: 'asc', sort_keys: 'event_time', nested_depth: '5' });
  }, 15_000);

  it('shows the template and environment as YAML, read-only', async () => {
    // CodeMirror measures text; jsdom lays nothing out.
    Range.prototype.getClientRects = () => Object.assign([], { item: () => null });
    Range.prototype.getBoundingClientRect = () => new DOMRect();
    const bff = new FakeBff()
      .on('GET', stackPath(main), { stack: detail(main) })
      .on('GET', `${stackPath(main)}/resources`, { resources: [] })
      .on('GET', `${stackPath(main)}/events`, { events: [] })
      .on('GET', `${stackPath(main)}/template`, { heat_template_version: '2018-08-31', resources: { net: { type: 'OS::Neutron::Net' } } })
      .on('GET', `${stackPath(main)}/environment`, { parameters: {}, resource_registry: { resources: {} } });
    renderApp(`/stacks/${main.stack_name}/${main.id}?tab=template`, bff);
    // The editor lives in a shadow root (the CSP refuses its run-time <style> elements in the document).
    const editorIn = (section: string, testId: string) => screen.getByTestId(section).querySelector('div')?.shadowRoot?.querySelector(`[data-testid="${testId}"]`);
    await waitFor(() => expect(editorIn('stack-template-section', 'stack-template')?.textContent).toContain('type: OS::Neutron::Net'), { timeout: 10_000 });
    const template = editorIn('stack-template-section', 'stack-template')!;
    expect(template.textContent).toContain('heat_template_version: 2018-08-31');
    expect(template.getAttribute('aria-readonly')).toBe('true');
    await waitFor(() => expect(editorIn('stack-environment-section', 'stack-environment')?.textContent).toContain('resource_registry:'));
  }, 15_000);
});
