// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { EditorView } from '@codemirror/view';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeBff, openstackError, type CapturedError } from '../../testing/fake-bff';
import { networks } from '../../testing/fixtures';
import heatValidateRefusal from '../../testing/fixtures/error-heat-validate-400.json';
import resourceTypes from '../../testing/fixtures/heat-resource-types.json';
import stackPreview from '../../testing/fixtures/heat-stack-preview.json';
import templateFunctions from '../../testing/fixtures/heat-template-functions.json';
import networkRouterValidation from '../../testing/fixtures/heat-validate-network-router.json';
import { describeFormFailures } from '../../testing/form-failure-cases';
import { cleanupApp, renderApp } from '../../testing/render-app';
import type { Stack } from '../../resources/stacks/types';
import { starterTemplates } from './starters';

const orchestration = '/api/os/orchestration';
const refusal: CapturedError = heatValidateRefusal;
const starter = starterTemplates.find((entry) => entry.id === 'network-with-router')!;
const stackId = '0d4ae2c6-5b11-4b64-8c8f-3d1b8a52d1e7';

function launchBff() {
  return new FakeBff()
    .on('GET', `${orchestration}/resource_types`, resourceTypes)
    .on('GET', `${orchestration}/template_versions/heat_template_version.2018-08-31/functions`, templateFunctions)
    .on('POST', `${orchestration}/validate`, networkRouterValidation)
    .on('POST', `${orchestration}/stacks/preview`, stackPreview)
    .on('POST', `${orchestration}/stacks`, { stack: { id: stackId, links: [] } })
    // The project's own network, then the external one: what the network picker offers.
    .on('GET', '/api/os/network/v2.0/networks', ({ url }) =>
      Response.json({
        networks: networks.filter((network) =>
          url.searchParams.has('router:external') ? network['router:external'] : url.searchParams.has('project_id') && !network['router:external'],
        ),
      }),
    );
}

/** The editor's view: its content lives in a shadow root, as in the browser. */
async function editor(): Promise<EditorView> {
  const content = await waitFor(() => {
    const host = [...document.querySelectorAll('[data-testid="template-field"] *')].find((element) => element.shadowRoot);
    const found = host?.shadowRoot?.querySelector('[data-testid="template-editor"]');
    if (!found) throw new Error('no editor yet');
    return found as HTMLElement;
  });
  return EditorView.findFromDOM(content)!;
}

async function typeTemplate(text: string) {
  const view = await editor();
  act(() => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }));
}

async function chooseStarter() {
  fireEvent.click(await screen.findByTestId('starter-network-with-router'));
  await screen.findByTestId('validation-ok', {}, { timeout: 5000 });
}

// jsdom lays nothing out: CodeMirror measuring its placeholder's text gets empty boxes.
beforeAll(() => {
  const none = () => Object.assign([], { item: () => null }) as unknown as DOMRectList;
  Range.prototype.getClientRects = none;
  Range.prototype.getBoundingClientRect = () => new DOMRect();
});

describe('launch a stack', () => {
  afterEach(cleanupApp);

  it('builds the typed form from Heat’s validation, with a network picker, and launches with only the values Heat lacks', async () => {
    const { bff, router } = renderApp('/stacks/launch', launchBff());
    await chooseStarter();
    expect(bff.calls('POST', `${orchestration}/validate`)[0]!.body).toEqual({ template: starter.template });
    expect(screen.getByTestId('validation-ok').textContent).toContain('Heat accepts this template (4 parameters).');
    const form = screen.getByTestId('parameters-form');
    expect(within(form).getByTestId<HTMLInputElement>('parameter-cidr').value).toBe('10.10.0.0/24');
    const picker = await within(form).findByTestId<HTMLSelectElement>('parameter-public_network');
    expect([...picker.options].map((option) => option.value)).toEqual(['', 'demo-net', 'public']);
    expect(picker.value).toBe('public');
    fireEvent.change(within(form).getByTestId('parameter-network_name'), { target: { value: 'web-net' } });
    fireEvent.change(screen.getByTestId('stack-name'), { target: { value: 'web' } });
    fireEvent.change(screen.getByTestId('stack-timeout'), { target: { value: '30' } });
    fireEvent.click(screen.getByTestId('stack-rollback'));
    expect(screen.getByTestId('cli-command').textContent).toBe(
      'openstack stack create -t network-with-router.yaml --parameter network_name=web-net --timeout 30 --enable-rollback web',
    );

    fireEvent.click(screen.getByTestId('launch-stack'));
    await waitFor(() => expect(bff.calls('POST', `${orchestration}/stacks`)).toHaveLength(1));
    expect(bff.calls('POST', `${orchestration}/stacks`)[0]!.body).toEqual({
      stack_name: 'web',
      template: starter.template,
      parameters: { network_name: 'web-net' },
      disable_rollback: false,
      timeout_mins: 30,
    });
    await waitFor(() => expect(router.state.location.pathname).toBe(`/stacks/web/${stackId}`));
  });

  it('catches a value breaking its constraint before sending, in the template’s own words', async () => {
    const { bff } = renderApp('/stacks/launch', launchBff());
    await chooseStarter();
    fireEvent.change(screen.getByTestId('stack-name'), { target: { value: 'web' } });
    fireEvent.change(screen.getByTestId('parameter-network_name'), { target: { value: 'n'.repeat(256) } });
    expect(screen.getByTestId('parameters-form').textContent).toContain('The name is 1 to 255 characters long.');
    fireEvent.click(screen.getByTestId('launch-stack'));
    // Every fake answer is immediate: a moment is enough for a request that would be sent.
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(screen.getByTestId('launch-stack').hasAttribute('disabled')).toBe(false);
    expect(bff.calls('POST', `${orchestration}/stacks`)).toHaveLength(0);
  });

  it('previews what Heat would create', async () => {
    const { bff } = renderApp('/stacks/launch', launchBff());
    await chooseStarter();
    fireEvent.click(screen.getByTestId('preview-stack'));
    const rows = await screen.findAllByTestId('preview-resource');
    expect(rows.map((row) => row.textContent).sort()).toEqual([
      expect.stringMatching(/^networkOS::Neutron::Net/),
      expect.stringMatching(/^routerOS::Neutron::Router/),
      expect.stringMatching(/^router_interfaceOS::Neutron::RouterInterface/),
      expect.stringMatching(/^subnetOS::Neutron::Subnet/),
    ]);
    expect(bff.calls('POST', `${orchestration}/stacks/preview`)[0]!.body).toMatchObject({ stack_name: 'preview', template: starter.template });
    expect(bff.calls('POST', `${orchestration}/stacks`)).toHaveLength(0);
  });

  it('shows Heat’s refusal with its request id and creates nothing; the editor keeps the text', async () => {
    const bff = launchBff().on('POST', `${orchestration}/validate`, openstackError(refusal));
    renderApp('/stacks/launch', bff);
    const text = 'resources:\n  net:\n    type: OS::Neutron::Net';
    await typeTemplate(text);
    const refused = await screen.findByTestId('validation-refused', {}, { timeout: 5000 });
    expect(refused.textContent).toContain('Template format version not found.');
    fireEvent.change(screen.getByTestId('stack-name'), { target: { value: 'web' } });
    fireEvent.click(screen.getByTestId('launch-stack'));
    const launchRefused = await screen.findByTestId('launch-refused');
    expect(within(launchRefused).getByTestId('error-request-id').textContent).toBe(refusal.requestId);
    expect(bff.calls('POST', `${orchestration}/stacks`)).toHaveLength(0);
    expect((await editor()).state.doc.toString()).toBe(text);
  });

  it('shows YAML errors with their line and column without asking Heat', async () => {
    const { bff } = renderApp('/stacks/launch', launchBff());
    await typeTemplate('heat_template_version: 2018-08-31\nresources:\n  net: [OS::Neutron::Net\n');
    const diagnostics = await screen.findByTestId('template-diagnostics');
    expect(diagnostics.textContent).toMatch(/^\d+:\d+ YAML syntax error: /);
    fireEvent.change(screen.getByTestId('stack-name'), { target: { value: 'web' } });
    fireEvent.click(screen.getByTestId('launch-stack'));
    expect(await screen.findByTestId('launch-blocked')).toBeTruthy();
    expect(bff.calls('POST', `${orchestration}/validate`)).toHaveLength(0);
  });

  it('starts from a template handed over in the router state', async () => {
    const { router } = renderApp('/', launchBff());
    await act(() => router.navigate('/stacks/launch', { state: { template: starter.template } }));
    expect(await screen.findByTestId('validation-ok', {}, { timeout: 5000 })).toBeTruthy();
    expect((await editor()).state.doc.toString()).toBe(starter.template);
  });
});

describe('update a stack', () => {
  afterEach(cleanupApp);

  const stack = {
    id: stackId,
    stack_name: 'web',
    stack_status: 'CREATE_COMPLETE',
    parameters: { 'OS::stack_id': stackId, 'OS::stack_name': 'web', public_network: 'public', network_name: 'private', cidr: '10.10.0.0/24' },
  } as unknown as Stack;
  const stackPath = `${orchestration}/stacks/web/${stackId}`;

  function updateBff() {
    return launchBff()
      .on('GET', stackPath, { stack })
      .on('GET', `${stackPath}/template`, { heat_template_version: '2018-08-31', description: 'A network.', parameters: {}, resources: {} })
      .on('PATCH', `${stackPath}/preview`, { resource_changes: { added: [], deleted: [], replaced: [], unchanged: [], updated: [{ resource_name: 'network', resource_type: 'OS::Neutron::Net', required_by: [], description: '' }] } })
      .on('PATCH', stackPath, new Response(null, { status: 202 }));
  }

  it('shows the changed parameter against the current one, previews the update, and PATCHes only that change', async () => {
    const { bff, router } = renderApp(`/stacks/web/${stackId}/update`, updateBff());
    expect((await editor()).state.doc.toString()).toBe('heat_template_version: 2018-08-31\ndescription: A network.\nparameters: {}\nresources: {}\n');
    const name = await screen.findByTestId<HTMLInputElement>('parameter-network_name', {}, { timeout: 5000 });
    expect(name.value).toBe('private');
    expect(screen.getByTestId('update-unchanged')).toBeTruthy();
    fireEvent.change(name, { target: { value: 'renamed' } });
    const change = screen.getByTestId('parameter-change');
    expect(change.textContent).toBe('network_nameprivaterenamed');
    expect(screen.getByTestId('template-unchanged')).toBeTruthy();
    expect(screen.getByTestId('cli-command').textContent).toBe('openstack stack update --existing --parameter network_name=renamed web');

    fireEvent.click(screen.getByTestId('preview-update'));
    expect((await screen.findByTestId('update-preview-updated-resources')).textContent).toContain('network');
    expect(bff.calls('PATCH', `${stackPath}/preview`)[0]!.body).toEqual({ parameters: { network_name: 'renamed' } });

    fireEvent.click(screen.getByTestId('update-stack'));
    await waitFor(() => expect(bff.calls('PATCH', stackPath)).toHaveLength(1));
    expect(bff.calls('PATCH', stackPath)[0]!.body).toEqual({ parameters: { network_name: 'renamed' } });
    await waitFor(() => expect(router.state.location.pathname).toBe(`/stacks/web/${stackId}`));
  });

  /** The stack forms are pages: they are gone once Heat accepted and the page moved to the stack. */
  const leftFor = (testId: string) => () => waitFor(() => expect(screen.queryByTestId(testId)).toBeNull());
  const heatError = (code: number, title: string, type: string, message: string) => ({
    explanation: 'The server could not comply with the request since it is either malformed or otherwise incorrect.',
    code,
    error: { message, traceback: null, type },
    title,
  });

  describeFormFailures('stack forms refused by Heat', {
    launch: {
      page: '/stacks/launch',
      bff: () => launchBff(),
      open: chooseStarter,
      container: async () => document.body,
      fieldsBy: 'testId',
      fields: [
        ['parameter-network_name', 'web-net'],
        ['stack-name', 'web'],
      ],
      submit: 'launch-stack',
      method: 'POST',
      path: `${orchestration}/stacks`,
      refusal: { status: 409, requestId: 'req-5c6d7e8f-9a0b-4c1d-8e2f-a3b4c5d6e7bb', body: heatError(409, 'Conflict', 'StackExists', 'The Stack (web) already exists.') },
      message: 'The Stack (web) already exists.',
      success: Response.json({ stack: { id: stackId, links: [] } }, { status: 201 }),
      succeeded: leftFor('launch-stack'),
    },
    update: {
      page: `/stacks/web/${stackId}/update`,
      bff: updateBff,
      container: async () => document.body,
      fieldsBy: 'testId',
      fields: [['parameter-network_name', 'renamed']],
      submit: 'update-stack',
      method: 'PATCH',
      path: stackPath,
      refusal: {
        status: 400,
        requestId: 'req-6d7e8f9a-0b1c-4d2e-9f3a-b4c5d6e7f8cc',
        body: heatError(400, 'Bad Request', 'StackValidationFailed', 'Property error: resources.network.properties.name: "renamed" does not validate: a network named renamed exists'),
      },
      message: 'a network named renamed exists',
      success: new Response(null, { status: 202 }),
      succeeded: leftFor('update-stack'),
    },
  });
});
