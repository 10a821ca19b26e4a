// What the launch and update pages send to Heat, and the `openstack stack ...` command that sends the same.
// A template is text (typed, uploaded, a starter) or a URL that Heat fetches itself (`template_url`: neither the
// browser nor the BFF ever reads it). Environment files go the way python-heatclient sends them: their names in
// `environment_files`, in the order given, and their texts in `files`; Heat merges them (common/environment_util.py).
import type { CliArgv } from '../../../lib/actions/types';
import type { StackRequestBody } from '../../../resources/stacks/types';

export interface EnvironmentFile {
  name: string;
  text: string;
}

export interface TemplateInput {
  mode: 'text' | 'url';
  text: string;
  url: string;
  /** The name the template goes by in the command line: the uploaded file's, a starter's, or template.yaml. */
  fileName: string;
  environmentFiles: readonly EnvironmentFile[];
}

export const defaultTemplateFileName = 'template.yaml';

export interface StackSettings {
  name: string;
  /** Minutes, as typed; empty for Heat's default. */
  timeout: string;
  rollback: boolean;
  /** Comma-separated. */
  tags: string;
}

export interface StackLaunch {
  template: TemplateInput;
  settings: StackSettings;
  /** Only the values to send (see parametersToSend). */
  parameters: Readonly<Record<string, string>>;
  /** Parameters whose values the command line must not show. */
  hidden: readonly string[];
}

export interface StackChange {
  /** Null when the template is kept as it is. */
  template: TemplateInput | null;
  parameters: Readonly<Record<string, string>>;
  hidden: readonly string[];
}

/** The placeholder a command line shows for a hidden parameter's value. */
export const hiddenValue = '<hidden>';

/** Heat's rule for stack names (heat/engine/stack.py _validate_stack_name). */
export const stackNamePattern = /^[a-zA-Z][a-zA-Z0-9_.-]{0,254}$/;

export function parseTimeout(text: string): number | null | undefined {
  if (text.trim() === '') return undefined;
  return /^\d+$/.test(text.trim()) && Number(text) > 0 ? Number(text) : null;
}

export function tagList(text: string): string[] {
  return text
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);
}

/** The template, or its URL, and the environment files: what validate, preview, create and update all send. */
export function templateBody(template: TemplateInput): Pick<StackRequestBody, 'template' | 'template_url' | 'environment_files' | 'files'> {
  const body: Pick<StackRequestBody, 'template' | 'template_url' | 'environment_files' | 'files'> =
    template.mode === 'url' ? { template_url: template.url.trim() } : { template: template.text };
  return { ...body, ...environmentBody(template.environmentFiles) };
}

export function environmentBody(files: readonly EnvironmentFile[]): Pick<StackRequestBody, 'environment_files' | 'files'> {
  if (files.length === 0) return {};
  return { environment_files: files.map((file) => file.name), files: Object.fromEntries(files.map((file) => [file.name, file.text])) };
}

export function stackCreateBody({ template, settings, parameters }: StackLaunch): StackRequestBody {
  const timeout = parseTimeout(settings.timeout);
  const tags = tagList(settings.tags);
  return {
    stack_name: settings.name.trim(),
    ...templateBody(template),
    parameters: { ...parameters },
    disable_rollback: !settings.rollback,
    ...(typeof timeout === 'number' ? { timeout_mins: timeout } : {}),
    ...(tags.length > 0 ? { tags: tags.join(',') } : {}),
  };
}

/** PATCH: Heat keeps the current template when none is sent, and the current parameters not sent. */
export function stackUpdateBody({ template, parameters }: StackChange): StackRequestBody {
  return { ...(template ? templateBody(template) : {}), parameters: { ...parameters } };
}

function templateArgs(template: TemplateInput): string[] {
  return [
    '-t',
    template.mode === 'url' ? template.url.trim() : template.fileName,
    ...template.environmentFiles.flatMap((file) => ['-e', file.name]),
  ];
}

function parameterArgs(parameters: Readonly<Record<string, string>>, hidden: readonly string[]): string[] {
  return Object.entries(parameters).flatMap(([name, value]) => ['--parameter', `${name}=${hidden.includes(name) ? hiddenValue : value}`]);
}

export function stackCreateCli(launch: StackLaunch): CliArgv {
  const { template, settings, parameters, hidden } = launch;
  const timeout = parseTimeout(settings.timeout);
  const tags = tagList(settings.tags);
  return [
    'stack',
    'create',
    ...templateArgs(template),
    ...parameterArgs(parameters, hidden),
    ...(typeof timeout === 'number' ? ['--timeout', String(timeout)] : []),
    ...(settings.rollback ? ['--enable-rollback'] : []),
    ...(tags.length > 0 ? ['--tags', tags.join(',')] : []),
    settings.name.trim(),
  ];
}

export function stackUpdateCli(stackName: string, change: StackChange): CliArgv {
  return [
    'stack',
    'update',
    '--existing',
    ...(change.template ? templateArgs(change.template) : []),
    ...parameterArgs(change.parameters, change.hidden),
    stackName,
  ];
}
