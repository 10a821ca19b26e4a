// The credential actions of the API access page, declared once (lib/actions): the Keystone call and the
// `openstack` command doing the same. Both creates answer a secret Keystone shows once: the dialog shows it (and
// the files that use it) in place of the form, and it lives in the dialog's state only, gone when it closes.
import type { ActionDeclaration, AnyActionDeclaration } from '../../lib/actions/types';
import type { QueryScope } from '../../lib/api/query-keys';
import {
  applicationCredentialKeys,
  createApplicationCredentialCli,
  createApplicationCredentialRequest,
  deleteApplicationCredentialCli,
  deleteApplicationCredentialRequest,
} from '../../resources/application-credentials/application-credentials';
import type { OwnedApplicationCredential } from '../../resources/application-credentials/types';
import {
  createEc2CredentialCli,
  createEc2CredentialRequest,
  deleteEc2CredentialCli,
  deleteEc2CredentialRequest,
  ec2CredentialKeys,
} from '../../resources/ec2-credentials/ec2-credentials';
import type { ListedEc2Credential } from '../../resources/ec2-credentials/types';
import { createBody, draftProblem, initialDraft, type ApplicationCredentialDraft } from './application-credential-draft';
import { ApplicationCredentialAnswer } from './components/application-credential-answer';
import { ApplicationCredentialForm } from './components/application-credential-form';
import { Ec2CredentialAnswer } from './components/ec2-credential-answer';
import type { CredentialOwner } from './credential-owner';

const affectsEc2 = (scope: QueryScope) => [ec2CredentialKeys.all(scope)];
const affectsApplicationCredentials = (scope: QueryScope) => [applicationCredentialKeys.all(scope)];

// No input: the confirmation opens the dialog, where the answer (access key and secret) is shown.
export const createEc2Credential: ActionDeclaration<CredentialOwner> = {
  id: 'create-ec2-credential',
  label: 'api-access.ec2.actions.create.label',
  unavailableReason: () => null,
  affects: affectsEc2,
  request: (owner) => [createEc2CredentialRequest(owner.userId, owner.id)],
  cli: (owner) => [createEc2CredentialCli(owner.userId, owner.id)],
  confirmation: { message: 'api-access.ec2.actions.create.confirm' },
  answer: { View: Ec2CredentialAnswer },
};

export const deleteEc2Credential: ActionDeclaration<ListedEc2Credential> = {
  id: 'delete-ec2-credential',
  label: 'api-access.ec2.actions.delete.label',
  unavailableReason: () => null,
  affects: affectsEc2,
  request: (credential) => [deleteEc2CredentialRequest(credential)],
  cli: (credential) => [deleteEc2CredentialCli(credential)],
  confirmation: { message: 'api-access.ec2.actions.delete.confirm', destructive: true },
  bulk: true,
};

export const ec2CredentialActions: readonly AnyActionDeclaration<ListedEc2Credential>[] = [deleteEc2Credential];
export const identifyEc2Credential = (credential: ListedEc2Credential) => ({ id: credential.access, name: credential.access });

export const createApplicationCredential: ActionDeclaration<CredentialOwner, ApplicationCredentialDraft> = {
  id: 'create-application-credential',
  label: 'api-access.appCredentials.actions.create.label',
  unavailableReason: () => null,
  affects: affectsApplicationCredentials,
  request: (owner, draft) => [createApplicationCredentialRequest(owner.userId, createBody(draft))],
  cli: (_owner, draft) => [createApplicationCredentialCli(createBody(draft))],
  input: {
    initial: (owner) => initialDraft(owner.roles),
    invalidReason: (draft) => draftProblem(draft),
    Form: ApplicationCredentialForm,
  },
  answer: { View: ApplicationCredentialAnswer },
};

export const deleteApplicationCredential: ActionDeclaration<OwnedApplicationCredential> = {
  id: 'delete-application-credential',
  label: 'api-access.appCredentials.actions.delete.label',
  unavailableReason: () => null,
  affects: affectsApplicationCredentials,
  request: (credential) => [deleteApplicationCredentialRequest(credential)],
  cli: (credential) => [deleteApplicationCredentialCli(credential.id)],
  confirmation: { message: 'api-access.appCredentials.actions.delete.confirm', destructive: true },
  bulk: true,
};

export const applicationCredentialActions: readonly AnyActionDeclaration<OwnedApplicationCredential>[] = [deleteApplicationCredential];
export const identifyApplicationCredential = (credential: OwnedApplicationCredential) => ({ id: credential.id, name: credential.name });
export const identifyOwner = (owner: CredentialOwner) => ({ id: owner.id, name: owner.name });
