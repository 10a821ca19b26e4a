// One declaration per action on a resource: the row menu, the detail page, bulk actions and the "show the CLI"
// view all read it, so an action's availability, request and CLI equivalent are written once.
import type { QueryKey } from '@tanstack/react-query';
import type { ParseKeys } from 'i18next';
import type { ComponentType } from 'react';
import type { RequestOptions } from '../api/client';
import type { QueryScope } from '../api/query-keys';
import type { QuotaService } from './quota-source';

/**
 * One API call of an action, sent through the API client (CSRF, microversion, ApiError). `Response` is the body the
 * call answers with, as far as `followedBy` reads it.
 */
export interface ActionRequest<Response = unknown> {
  /** GET only for the few writes an API sends as GET (Cinder's QoS associate and disassociate). */
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Full BFF path, e.g. `/api/os/compute/servers/<id>/action`. */
  path: string;
  body?: unknown;
  /** The body's JSON media type when not application/json (Glance's JSON patch). */
  contentType?: string;
  params?: RequestOptions['params'];
  /** The microversion the call was written for (the client negotiates down to the cloud's newest). */
  microversion?: string;
  /**
   * For a call the service refuses while what it acts on is busy (Octavia answers 409 while the load balancer is
   * PENDING_*): `until` is awaited before the call is sent, and after a refusal `busy` recognises the call is sent
   * again once `until` resolves anew. `until` rejects when waiting longer is not worth it.
   */
  settle?: { until: () => Promise<void>; busy: (error: unknown) => boolean };
  /**
   * The calls that need this one's answer (the id of what it created), sent right after it. A method, so a request
   * reading its own answer type still fits a list of requests.
   */
  followedBy?(response: Response): ActionRequest[];
  /**
   * The same follow-up calls before there is an answer, a placeholder (`answerPlaceholder`) where they need it: what
   * the HTTP view shows before anything is sent. Declare both with `followedByCreated`.
   */
  previewFollowUps?(): ActionRequest[];
}

/** An `openstack ...` command line as its argv, without the leading `openstack`. */
export type CliArgv = readonly string[];

/** The project a project-level action (creating something in it) acts on: it names itself in failures. */
export interface ProjectTarget {
  id: string;
  name: string;
}

/** Props of an action's input form, rendered in the action dialog. */
export interface ActionFormProps<Resource, Input> {
  resource: Resource;
  /** The input so far: kept when the request fails, so the form never loses what the user typed. */
  value: Input;
  onChange: (value: Input) => void;
  /** The id the dialog's submit button points to with `form=`. */
  formId: string;
  onSubmit: () => void;
}

/** Props of the view an action shows after it succeeded (see `ActionDeclaration.answer`). */
export interface ActionAnswerProps<Resource, Input> {
  resource: Resource;
  input: Input;
  /** The answers of the calls the service accepted: read one with `answerTo`. */
  accepted: AcceptedCalls;
}

export interface ActionDeclaration<Resource, Input = undefined> {
  /** Stable id: test ids (`action-<id>`), analytics-free logs, React keys. */
  id: string;
  /** Full i18n key of the menu label. */
  label: ParseKeys;
  /**
   * Why the resource's current state (status, task state, lock) does not allow the action, as a full i18n key;
   * null when it does. Never a copy of the cloud's policy: a refusal by policy comes back as a 403 and is shown.
   */
  unavailableReason: (resource: Resource) => ParseKeys | null;
  /** The API calls, sent one after the other (most actions need one). */
  request: (resource: Resource, input: Input) => ActionRequest[];
  /**
   * The cached answers the action may change, from the resources' key factories in the page's scope. They are read
   * again after every attempt, succeeded or refused: a refusal often means the page showed a stale state.
   */
  affects?: (scope: QueryScope, resource: Resource, input: Input) => readonly QueryKey[];
  /** The equivalent `openstack` commands, one argv per request. */
  cli: (resource: Resource, input: Input) => CliArgv[];
  /**
   * Asks before running: destructive ones get a danger button. `Details` shows under the message what the action
   * will take with it (the resources a stack delete deletes).
   */
  confirmation?: { message: ParseKeys; destructive?: boolean; Details?: ComponentType<{ resources: readonly Resource[] }> };
  /**
   * True once the resource shows the action took effect, for actions whose effect comes later without any task
   * state in between (a confirmed resize becomes ACTIVE a moment after Nova answered): pages poll until then. The
   * input says which effect to wait for when the resource alone cannot (the interface that was detached).
   */
  done?: (resource: Resource, input: Input) => boolean;
  /**
   * What the success notice says, as a full i18n key given `count` (plural forms) and `name` (the one resource):
   * "Stopped {{name}}." / "Stopped {{count}} instances.". Without it, the notice says the action's label and "done".
   */
  succeeded?: ParseKeys;
  /** The action takes the resource away (a delete): its success notice offers no link to the page it had. */
  removes?: boolean;
  /** Offered on several selected resources at once (one confirmation, one outcome per resource). */
  bulk?: boolean;
  /** The action's input and the form that edits it; actions without input run (or confirm) directly. */
  input?: {
    initial: (resource: Resource) => Input;
    /** Null when the input can be sent, else the i18n key saying what is missing. */
    invalidReason?: (input: Input, resource: Resource) => ParseKeys | null;
    Form: ComponentType<ActionFormProps<Resource, Input>>;
    /**
     * What the action creates, counted against the project's quota of one service (ids as `quota.labels`): shown
     * before submit, and a request that would go over a limit is not sent.
     */
    quota?: { service: QuotaService; adds: (input: Input, resource: Resource) => Readonly<Record<string, number>> };
  };
  /**
   * What the service answered that the user must read right after a success, because it is never readable again (a
   * volume transfer's auth key): the dialog then shows this view instead of closing. The answer lives only in the
   * dialog's state, gone when it closes.
   */
  answer?: { View: ComponentType<ActionAnswerProps<Resource, Input>> };
}

/** A declaration whose input type has been forgotten, for lists of mixed actions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- input types differ per action; each one is checked where it is declared
export type AnyActionDeclaration<Resource> = ActionDeclaration<Resource, any>;

export type ActionOutcome = { status: 'succeeded' } | { status: 'failed'; error: unknown };

/**
 * The answers of the calls a service accepted during an attempt, by the call's identity (method, path, parameters,
 * body): a retry given them does not send those calls again and reads their answers instead.
 */
export type AcceptedCalls = ReadonlyMap<string, unknown>;

/** An outcome with what was accepted on the way, also when a later call failed. */
export type ResumableOutcome = ActionOutcome & { accepted: AcceptedCalls };
