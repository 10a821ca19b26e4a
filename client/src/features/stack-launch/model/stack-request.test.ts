import { describe, expect, it } from 'vitest';
import { stackCreateBody, stackCreateCli, stackUpdateBody, stackUpdateCli, type StackLaunch } from './stack-request';

const launch: StackLaunch = {
  template: {
    mode: 'text',
    text: 'heat_template_version: 2018-08-31\n',
    url: '',
    fileName: 'web.yaml',
    environmentFiles: [
      { name: 'base.yaml', text: 'parameters:\n  size: 2\n' },
      { name: 'prod.yaml', text: 'parameter_defaults:\n  size: 3\n' },
    ],
  },
  settings: { name: ' web ', timeout: '30', rollback: true, tags: 'a, b,,' },
  parameters: { size: '4', password: 'secret' },
  hidden: ['password'],
};

describe('stack requests', () => {
  it('sends environment files as python-heatclient does: names in order, texts in files', () => {
    expect(stackCreateBody(launch)).toEqual({
      stack_name: 'web',
      template: 'heat_template_version: 2018-08-31\n',
      environment_files: ['base.yaml', 'prod.yaml'],
      files: { 'base.yaml': 'parameters:\n  size: 2\n', 'prod.yaml': 'parameter_defaults:\n  size: 3\n' },
      parameters: { size: '4', password: 'secret' },
      disable_rollback: false,
      timeout_mins: 30,
      tags: 'a,b',
    });
  });

  it('says the same as the openstack command, hidden values as a placeholder', () => {
    expect(stackCreateCli(launch)).toEqual([
      'stack', 'create', '-t', 'web.yaml', '-e', 'base.yaml', '-e', 'prod.yaml',
      '--parameter', 'size=4', '--parameter', 'password=<hidden>', '--timeout', '30', '--enable-rollback', '--tags', 'a,b', 'web',
    ]);
  });

  it('leaves a template given by URL to Heat to fetch', () => {
    const byUrl = { ...launch, template: { ...launch.template, mode: 'url' as const, url: ' https://example.org/web.yaml ', environmentFiles: [] } };
    expect(stackCreateBody(byUrl)).toMatchObject({ template_url: 'https://example.org/web.yaml' });
    expect(stackCreateBody(byUrl)).not.toHaveProperty('template');
    expect(stackCreateCli(byUrl).slice(2, 4)).toEqual(['-t', 'https://example.org/web.yaml']);
  });

  it('updates with PATCH semantics: the template only when it changed', () => {
    expect(stackUpdateBody({ template: null, parameters: { size: '5' }, hidden: [] })).toEqual({ parameters: { size: '5' } });
    expect(stackUpdateCli('web', { template: null, parameters: { size: '5' }, hidden: [] })).toEqual(['stack', 'update', '--existing', '--parameter', 'size=5', 'web']);
  });
});
