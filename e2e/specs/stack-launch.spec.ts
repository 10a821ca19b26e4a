// Launching and updating Heat stacks on the real local cloud, with the openstack CLI as witness: bad templates
// (not YAML, not HOT, too large, an unknown resource type) refused before any stack exists with Heat's words and
// request id, the editor keeping the text; a parameter breaking its constraint caught in the form before anything is
// sent; the network-with-router starter launched through the typed form and its pickers, with an environment file,
// previewed, then CREATE_COMPLETE with its network; an update of a parameter and of the template (a new output),
// shown as a diff and Heat's update preview, then UPDATE_COMPLETE with the new value; a template URL fetched by Heat.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page, Request } from '@playwright/test';
import { openstack } from '../support/cloud';
import { expect, expectAccessible, expectNoTokenInBrowser, test } from '../support/fixtures';
import { uniquePrefix } from '../support/instances';
import { deleteStackIfExists, listStackResources, showStack, waitForStackStatus } from '../support/stacks';
import { screenshotBothThemes, signIn } from '../support/zenith';

const prefix = uniquePrefix('stack');

/** Replaces the editor's text as one input (typing line by line would let the editor auto-indent). */
async function setEditorText(page: Page, text: string) {
  await page.getByTestId('template-editor').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  if (text !== '') await page.keyboard.insertText(text);
}

/** The editor's text as drawn: CodeMirror draws only the lines in view, so a long text shows its beginning. */
async function editorText(page: Page) {
  return page.getByTestId('template-editor').evaluate((element) => Array.from(element.querySelectorAll('.cm-line'), (line) => line.textContent).join('\n'));
}

/** Every stack create or update the page sends. */
function recordStackWrites(page: Page): Request[] {
  const writes: Request[] = [];
  page.on('request', (request) => {
    if (/\/api\/os\/orchestration\/stacks(\/[^/]+\/[^/]+)?$/.test(new URL(request.url()).pathname) && ['POST', 'PATCH', 'PUT'].includes(request.method())) {
      writes.push(request);
    }
  });
  return writes;
}

test('bad templates are refused with Heat’s words before any stack exists, and the editor keeps them', async ({ page }) => {
  const name = `${prefix}-bad`;
  const writes = recordStackWrites(page);
  await signIn(page, 'zenith-demo');
  await page.goto('/stacks/launch');
  await page.getByTestId('stack-name').fill(name);

  // Not YAML: the parser's error with its line and column, and nothing sent.
  const notYaml = 'heat_template_version: 2018-08-31\nresources:\n  net: [OS::Neutron::Net\n';
  await setEditorText(page, notYaml);
  await expect(page.getByTestId('template-diagnostics')).toContainText(/\d+:\d+ YAML syntax error/);
  await page.getByTestId('launch-stack').click();
  await expect(page.getByTestId('launch-blocked')).toBeVisible();
  expect(await editorText(page)).toBe(notYaml);

  // Not HOT: Heat's refusal inline as the text rests, and again on launch, with the request id.
  const notHot = 'resources:\n  net:\n    type: OS::Neutron::Net';
  await setEditorText(page, notHot);
  await expect(page.getByTestId('validation-refused')).toContainText('Template format version not found.');
  await page.getByTestId('launch-stack').click();
  const refused = page.getByTestId('launch-refused');
  await expect(refused).toContainText('Template format version not found.');
  await expect(refused.getByTestId('error-request-id')).toHaveText(/^req-[0-9a-f-]{36}$/);
  expect(await editorText(page)).toBe(notHot);

  // Too large for Heat's max_template_size, from a file.
  const large = `heat_template_version: 2018-08-31\ndescription: ${'x'.repeat(530_000)}\n`;
  await page.getByTestId('template-file').setInputFiles({ name: 'large.yaml', mimeType: 'text/yaml', buffer: Buffer.from(large) });
  await expect(page.getByTestId('template-size')).toContainText('of 524,288 characters');
  await expect(page.getByTestId('template-diagnostics')).toContainText('Heat refuses more than 524,288');
  await page.getByTestId('launch-stack').click();
  await expect(refused).toContainText('exceeds maximum allowed size (524288 bytes)');
  await expect(refused.getByTestId('error-request-id')).toBeVisible();

  // An unknown resource type: underlined as it is written, then refused by Heat.
  const unknownType = 'heat_template_version: 2018-08-31\nresources:\n  thing:\n    type: OS::Nope::Thing';
  await setEditorText(page, unknownType);
  await expect(page.getByTestId('template-diagnostics')).toContainText("4:11 This cloud's Heat offers no resource type OS::Nope::Thing");
  await page.getByTestId('launch-stack').click();
  await expect(refused).toContainText('The Resource Type (OS::Nope::Thing) could not be found.');
  await expect(refused.getByTestId('error-request-id')).toBeVisible();
  expect(await editorText(page)).toBe(unknownType);

  expect(writes.map((request) => `${request.method()} ${request.url()}`)).toEqual([]);
  expect(await showStack(name)).toBeUndefined();
});

test('launches the network starter through the typed form, previews it, then updates a parameter and the template', async ({ page, seenResponses }) => {
  test.setTimeout(240_000);
  const name = `${prefix}-net`;
  const networkName = `${prefix}-private`;
  const renamed = `${prefix}-renamed`;
  const writes = recordStackWrites(page);
  try {
    await signIn(page, 'zenith-demo');
    await page.goto('/stacks/launch');
    await page.getByTestId('starter-network-with-router').click();
    await expect(page.getByTestId('validation-ok')).toContainText('Heat accepts this template (4 parameters).');
    // An environment file's value: Heat's validation reads it, the form starts from it, and it is not sent again.
    await page.getByTestId('environment-files').setInputFiles({ name: 'network.env.yaml', mimeType: 'text/yaml', buffer: Buffer.from('parameters:\n  cidr: 10.11.0.0/24\n') });
    await expect(page.getByTestId('environment-list')).toContainText('network.env.yaml');
    await expect(page.getByTestId('validation-description')).toContainText('A private network with one subnet');

    // The typed form: a picker of real networks for neutron.network, text fields with their defaults.
    const form = page.getByTestId('parameters-form');
    await expect(form.getByTestId('parameter-cidr')).toHaveValue('10.11.0.0/24');
    // The external network's picker lists the project's real networks; it starts at the template's default.
    const picker = form.getByTestId('parameter-public_network');
    await expect(picker).toHaveValue('public');
    await expect(picker.locator('option', { hasText: 'demo-net' })).toHaveCount(1);
    await picker.selectOption('demo-net');
    await picker.selectOption('public');
    await page.getByTestId('stack-name').fill(name);
    await page.getByTestId('stack-tags').fill('e2e, launch');

    // A constraint broken in the form: caught before sending, in the template's own words.
    await form.getByTestId('parameter-network_name').fill('n'.repeat(256));
    await expect(form).toContainText('The name is 1 to 255 characters long.');
    await page.getByTestId('launch-stack').click();
    await expect(page.getByTestId('launch-stack')).toBeEnabled();
    expect(writes).toEqual([]);
    await form.getByTestId('parameter-network_name').fill(networkName);
    await expect(form).not.toContainText('The name is 1 to 255 characters long.');

    // Heat's preview: what would be created, nothing created.
    await page.getByTestId('preview-stack').click();
    const preview = page.getByTestId('preview-resources');
    await expect(preview.getByTestId('preview-resource')).toHaveCount(4);
    const previewed = Object.entries({
      network: 'OS::Neutron::Net',
      subnet: 'OS::Neutron::Subnet',
      router: 'OS::Neutron::Router',
      router_interface: 'OS::Neutron::RouterInterface',
    });
    for (const [resource, type] of previewed) {
      await expect(preview.getByTestId('preview-resource').filter({ hasText: new RegExp(`^${resource}${type}`) })).toHaveCount(1);
    }
    await page.getByTestId('action-cli').locator('summary').click();
    await expect(page.getByTestId('cli-command')).toHaveText(
      `openstack stack create -t network-with-router.yaml -e network.env.yaml --parameter network_name=${networkName} --tags e2e,launch ${name}`,
    );
    await expectAccessible(page, 'stack launch');
    await screenshotBothThemes(page, 'stack-launch');

    await page.getByTestId('launch-stack').click();
    await expect(page).toHaveURL(new RegExp(`/stacks/${name}/[0-9a-f-]{36}$`));
    const id = new URL(page.url()).pathname.split('/').at(-1)!;
    const created = await waitForStackStatus(name, 'CREATE_COMPLETE', 120_000);
    expect(created.stack_status, created.stack_status_reason).toBe('CREATE_COMPLETE');
    expect(created.parameters).toMatchObject({ public_network: 'public', network_name: networkName, cidr: '10.11.0.0/24' });
    const resources = await listStackResources(name);
    expect(resources.map((resource) => resource.resource_name).sort()).toEqual(['network', 'router', 'router_interface', 'subnet']);
    const network = await openstack<{ name: string; subnets: string[] }>('zenith-demo', ['network', 'show', networkName]);
    expect(network.subnets).toHaveLength(1);

    // Update: the current template and parameters, a parameter and a line changed, the diff, Heat's update preview.
    await page.goto(`/stacks/${name}/${id}/update`);
    const updateForm = page.getByTestId('parameters-form');
    await expect(updateForm.getByTestId('parameter-network_name')).toHaveValue(networkName);
    await expect(page.getByTestId('update-unchanged')).toBeVisible();
    expect(await editorText(page)).toMatch(/^heat_template_version: 2018-08-31\ndescription: /);
    // A new output, at the end of the outputs section (the text's last).
    await page.getByTestId('template-editor').click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.insertText('  e2e_note:\n    description: Added by the e2e update.\n    value: { get_param: network_name }\n');
    await expect(page.getByTestId('template-diff')).toContainText('+  e2e_note:');
    await expect(page.getByTestId('validation-ok')).toBeVisible();
    await updateForm.getByTestId('parameter-network_name').fill(renamed);
    const change = page.getByTestId('parameter-diff').getByTestId('parameter-change');
    await expect(change).toHaveCount(1);
    await expect(change).toContainText(networkName);
    await expect(change).toContainText(renamed);
    await page.getByTestId('preview-update').click();
    await expect(page.getByTestId('update-preview-updated-resources')).toContainText('network');
    await expect(page.getByTestId('update-preview-unchanged-resources')).toContainText('router');
    await page.getByTestId('action-cli').locator('summary').click();
    await expect(page.getByTestId('cli-command')).toHaveText(
      `openstack stack update --existing -t template.yaml --parameter network_name=${renamed} ${name}`,
    );
    await expectAccessible(page, 'stack update');
    await screenshotBothThemes(page, 'stack-update');

    await page.getByTestId('update-stack').click();
    await expect(page).toHaveURL(new RegExp(`/stacks/${name}/${id}$`));
    const updated = await waitForStackStatus(name, 'UPDATE_COMPLETE', 120_000);
    expect(updated.stack_status, updated.stack_status_reason).toBe('UPDATE_COMPLETE');
    expect(updated.parameters.network_name).toBe(renamed);
    expect((await openstack<{ id: string }>('zenith-demo', ['network', 'show', renamed])).id).toBeTruthy();
    const note = await openstack<{ output_value: string }>('zenith-demo', ['stack', 'output', 'show', name, 'e2e_note']);
    expect(note.output_value).toBe(renamed);
    await expectNoTokenInBrowser(page, seenResponses);
  } finally {
    await deleteStackIfExists(name);
  }
});

test('a template given by URL is fetched by Heat itself, never by the browser or the BFF', async ({ page }) => {
  const template = 'heat_template_version: 2018-08-31\nparameters:\n  size:\n    type: number\n    default: 1\nresources: {}\n';
  const fetchedBy: string[] = [];
  const server = createServer((request, response) => {
    fetchedBy.push(request.headers['user-agent'] ?? '');
    response.writeHead(200, { 'Content-Type': 'text/yaml' }).end(template);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/empty.yaml`;
  const browserAsked: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(url)) browserAsked.push(request.url());
  });
  try {
    await signIn(page, 'zenith-demo');
    await page.goto('/stacks/launch');
    await page.getByTestId('template-mode-url').check();
    await page.getByTestId('template-url').fill(url);
    await expect(page.getByTestId('validation-ok')).toContainText('Heat accepts this template (1 parameter).');
    await expect(page.getByTestId('parameter-size')).toHaveValue('1');
    await page.getByTestId('stack-name').fill(`${prefix}-url`);
    await page.getByTestId('action-cli').locator('summary').click();
    await expect(page.getByTestId('cli-command')).toHaveText(`openstack stack create -t ${url} ${prefix}-url`);
    expect(browserAsked).toEqual([]);
    // Heat's urlfetch (python-requests), not the browser and not the BFF (Node).
    expect(fetchedBy.length).toBeGreaterThan(0);
    for (const agent of fetchedBy) expect(agent).toMatch(/python-requests/);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
