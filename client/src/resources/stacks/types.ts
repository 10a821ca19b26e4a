// Heat's v1 API (orchestration), as its API layer writes it (heat/api/openstack/v1/{stacks,resources,events}.py and
// views/stacks_view.py): statuses are `<ACTION>_<STATUS>` strings, times are ISO 8601 in UTC (with or without "Z").

export interface HeatLink {
  href: string;
  rel: 'self' | 'stack' | 'resource' | 'nested' | 'root_stack' | 'next' | (string & {});
}

/** `<ACTION>_<STATUS>`: CREATE_IN_PROGRESS, UPDATE_COMPLETE, DELETE_FAILED, SUSPEND_COMPLETE, CHECK_FAILED... */
export type HeatStatus = string;

export type HeatAction = 'INIT' | 'CREATE' | 'UPDATE' | 'DELETE' | 'ROLLBACK' | 'SUSPEND' | 'RESUME' | 'CHECK' | 'ADOPT' | 'SNAPSHOT' | 'RESTORE';

/** One row of `GET /stacks` (Heat's basic keys). */
export interface StackSummary {
  id: string;
  stack_name: string;
  description: string;
  stack_status: HeatStatus;
  stack_status_reason: string;
  creation_time: string;
  updated_time: string | null;
  deletion_time: string | null;
  stack_owner: string | null;
  /** The id of the stack this one is nested in; null for a top-level stack. */
  parent: string | null;
  stack_user_project_id: string | null;
  tags: string[] | null;
  links: HeatLink[];
}

export interface StackOutput {
  output_key: string;
  /** Whatever the template's output resolves to (a string, a list, a map...); absent when it failed. */
  output_value?: unknown;
  description: string;
  /** Why the output could not be resolved (the resource it reads failed, for example). */
  output_error?: string;
}

/** `GET /stacks/<name>/<id>`: the summary, its parameters (as strings, hidden ones as `******`) and outputs. */
export interface Stack extends StackSummary {
  parameters: Record<string, string>;
  outputs?: StackOutput[];
  timeout_mins: number | null;
  disable_rollback: boolean;
  capabilities: string[];
  notification_topics: string[];
  template_description: string;
}

/** A page of `GET /stacks`: the rows, and whether another page follows (one row more was asked for). */
export interface StackPage {
  stacks: StackSummary[];
  hasMore: boolean;
}

/** `GET /stacks/<name>/<id>/resources` (with `nested_depth`, resources of nested stacks come too). */
export interface StackResource {
  resource_name: string;
  logical_resource_id: string;
  /** The id of the OpenStack resource it made ('' before it exists). */
  physical_resource_id: string;
  resource_type: string;
  resource_status: HeatStatus;
  resource_status_reason: string;
  creation_time: string;
  updated_time: string;
  /** The names of the resources of the same stack that depend on this one. */
  required_by: string[];
  /** For resources of a nested stack: the resource of the parent stack that holds that nested stack. */
  parent_resource?: string;
  links: HeatLink[];
}

/** `GET /stacks/<name>/<id>/events`. */
export interface StackEvent {
  id: string;
  event_time: string;
  resource_name: string;
  logical_resource_id: string;
  physical_resource_id: string;
  resource_status: HeatStatus;
  resource_status_reason: string;
  /** Absent on events of the stack itself in some releases. */
  resource_type?: string;
  links: HeatLink[];
}

/** `GET /resource_types?with_description=true`. */
export interface ResourceTypeSummary {
  resource_type: string;
  description: string;
}

/** A template parameter as `POST /validate` describes it (heat/rpc/api.py VALIDATE_PARAM_KEYS). */
export interface ValidatedParameter {
  Type: 'String' | 'Number' | 'CommaDelimitedList' | 'Json' | 'Boolean';
  Default?: unknown;
  /** "true" for `hidden: true` parameters: typed into a password field, never shown back. */
  NoEcho: 'true' | 'false';
  Description: string;
  Label: string;
  AllowedValues?: unknown[];
  AllowedPattern?: string;
  MaxLength?: number;
  MinLength?: number;
  MaxValue?: number;
  MinValue?: number;
  /** The constraint's own description from the template, shown when a value breaks it. */
  ConstraintDescription?: string;
  /** `custom_constraint` names: nova.flavor, glance.image, neutron.network, nova.keypair... */
  CustomConstraint?: string;
  /** The value given in the request, when there was one. */
  Value?: unknown;
  Tags?: string[];
}

export interface ValidatedParameterGroup {
  label?: string;
  description?: string;
  parameters: string[];
}

/** `POST /validate`'s answer. */
export interface TemplateValidation {
  Description: string;
  Parameters: Record<string, ValidatedParameter>;
  ParameterGroups?: ValidatedParameterGroup[];
  Environment?: unknown;
}

/** What a stack create, preview or update sends (Heat's create body). */
export interface StackRequestBody {
  stack_name?: string;
  template?: string | Record<string, unknown>;
  template_url?: string;
  parameters?: Record<string, unknown>;
  /** The environment file's text, or its parsed map. */
  environment?: string | Record<string, unknown>;
  /** Files the template or environment refers to (nested templates), by the name used in it. */
  files?: Record<string, string>;
  /** Names of environment files held in `files`, merged by Heat in this order (as python-heatclient sends them). */
  environment_files?: string[];
  timeout_mins?: number;
  disable_rollback?: boolean;
  tags?: string;
  /** Update only: keep the stack's current parameters for those not given (PATCH does this). */
  existing?: boolean;
}

/** `POST /stacks` answers the new stack's id and link. */
export interface CreatedStack {
  stack: { id: string; links: HeatLink[] };
}

/** A resource of `POST /stacks/preview` (the previewed stack lists them, nested lists for nested stacks). */
export interface PreviewResource {
  resource_name: string;
  resource_type: string;
  resource_identity?: { stack_name: string };
  required_by: string[];
  properties?: Record<string, unknown>;
  description: string;
}

export interface StackPreview {
  stack: { stack_name: string; description: string; parameters: Record<string, string>; resources: (PreviewResource | PreviewResource[])[] };
}

/** `PUT /stacks/<name>/<id>/preview`: the resources the update would add, replace, update, delete or leave. */
export interface UpdatePreview {
  resource_changes: Record<'added' | 'deleted' | 'replaced' | 'unchanged' | 'updated', PreviewResource[]>;
}

/** `GET /template_versions/<version>/functions`: the intrinsic functions a template version offers. */
export interface TemplateFunction {
  functions: string;
  description: string;
}
