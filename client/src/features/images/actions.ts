// Every image action, declared once (lib/actions): when Glance's state allows it, the API call, and the `openstack`
// command doing the same. Who may do what (publicize, deactivate, delete someone else's image) is Glance's policy:
// its 403 is shown as it comes.
import type { ParseKeys } from 'i18next';
import type { ActionDeclaration, AnyActionDeclaration } from '../../lib/actions/types';
import type { QueryScope } from '../../lib/api/query-keys';
import { imageKeys, imagesPath } from '../../resources/images/images';
import { imageMemberKeys, imageMembersPath } from '../../resources/images/members';
import { MemberForm, PropertiesForm, VisibilityForm } from './components/action-forms';
import { propertyCliArgs, propertyInputOf, propertyInputProblem, propertyPatch, type PropertyInput } from './properties';
import type { ImageRecord, ImageVisibility } from '../../resources/images/types';

/** The image and its members are read again after every action. */
const affectsImages = (scope: QueryScope) => [imageKeys.all(scope), imageMemberKeys.all(scope)];

export type ImageAction<Input = undefined> = ActionDeclaration<ImageRecord, Input>;

/** Glance's media type for JSON patch on images (v2.1: paths without a leading /properties). */
export const jsonPatchMediaType = 'application/openstack-images-v2.1-json-patch';

const imagePath = (image: ImageRecord) => `${imagesPath}/${encodeURIComponent(image.id)}`;

const patch = (image: ImageRecord, body: unknown) => [
  { method: 'PATCH' as const, path: imagePath(image), body, contentType: jsonPatchMediaType },
];

const editProperties: ImageAction<PropertyInput> = {
  id: 'edit',
  label: 'images.actions.edit.label',
  unavailableReason: () => null,
  affects: affectsImages,
  request: (image, input) => patch(image, propertyPatch(image, input)),
  cli: (image, input) => {
    const { set, unset } = propertyCliArgs(propertyPatch(image, input));
    return [...(set.length ? [['image', 'set', ...set, image.id]] : []), ...(unset.length ? [['image', 'unset', ...unset, image.id]] : [])];
  },
  input: {
    initial: propertyInputOf,
    invalidReason: (input, image) => {
      const problem = propertyInputProblem(input) ?? (propertyPatch(image, input).length === 0 ? 'unchanged' : null);
      return problem ? (`images.edit.problems.${problem}` as ParseKeys) : null;
    },
    Form: PropertiesForm,
  },
};

const changeVisibility: ImageAction<ImageVisibility> = {
  id: 'visibility',
  label: 'images.actions.visibility.label',
  unavailableReason: () => null,
  affects: affectsImages,
  request: (image, visibility) => patch(image, [{ op: 'replace', path: '/visibility', value: visibility }]),
  cli: (image, visibility) => [['image', 'set', `--${visibility}`, image.id]],
  input: {
    initial: (image) => image.visibility,
    invalidReason: (visibility, image) => (visibility === image.visibility ? 'images.actions.visibility.unchanged' : null),
    Form: VisibilityForm,
  },
};

const protect: ImageAction = {
  id: 'protect',
  label: 'images.actions.protect.label',
  unavailableReason: (image) => (image.protected ? 'images.actions.protect.unavailable' : null),
  affects: affectsImages,
  request: (image) => patch(image, [{ op: 'replace', path: '/protected', value: true }]),
  cli: (image) => [['image', 'set', '--protected', image.id]],
};

const unprotect: ImageAction = {
  id: 'unprotect',
  label: 'images.actions.unprotect.label',
  unavailableReason: (image) => (image.protected ? null : 'images.actions.unprotect.unavailable'),
  affects: affectsImages,
  request: (image) => patch(image, [{ op: 'replace', path: '/protected', value: false }]),
  cli: (image) => [['image', 'set', '--unprotected', image.id]],
};

const deactivate: ImageAction = {
  id: 'deactivate',
  label: 'images.actions.deactivate.label',
  unavailableReason: (image) => (image.status === 'active' ? null : 'images.actions.deactivate.unavailable'),
  affects: affectsImages,
  request: (image) => [{ method: 'POST', path: `${imagePath(image)}/actions/deactivate` }],
  cli: (image) => [['image', 'set', '--deactivate', image.id]],
  confirmation: { message: 'images.actions.deactivate.confirm' },
};

const reactivate: ImageAction = {
  id: 'reactivate',
  label: 'images.actions.reactivate.label',
  unavailableReason: (image) => (image.status === 'deactivated' ? null : 'images.actions.reactivate.unavailable'),
  affects: affectsImages,
  request: (image) => [{ method: 'POST', path: `${imagePath(image)}/actions/reactivate` }],
  cli: (image) => [['image', 'set', '--activate', image.id]],
};

/** Members exist on shared images only: Glance refuses them on any other visibility. */
const notShared = (image: ImageRecord): ParseKeys | null => (image.visibility === 'shared' ? null : 'images.members.notShared');

const addMember: ImageAction<string> = {
  id: 'add-member',
  label: 'images.actions.add-member.label',
  unavailableReason: notShared,
  affects: affectsImages,
  request: (image, projectId) => [{ method: 'POST', path: imageMembersPath(image.id), body: { member: projectId.trim() } }],
  cli: (image, projectId) => [['image', 'add', 'project', image.id, projectId.trim()]],
  input: {
    initial: () => '',
    invalidReason: (projectId) => (projectId.trim() === '' ? 'images.members.projectMissing' : null),
    Form: MemberForm,
  },
};

const deleteImage: ImageAction = {
  id: 'delete',
  removes: true,
  label: 'images.actions.delete.label',
  unavailableReason: (image) => (image.protected ? 'images.actions.delete.protected' : null),
  affects: affectsImages,
  request: (image) => [{ method: 'DELETE', path: imagePath(image) }],
  cli: (image) => [['image', 'delete', image.id]],
  confirmation: { message: 'images.actions.delete.confirm', destructive: true },
  bulk: true,
};

/** Actions on an image, in menu order. */
export const imageActions: readonly AnyActionDeclaration<ImageRecord>[] = [
  editProperties,
  changeVisibility,
  protect,
  unprotect,
  addMember,
  deactivate,
  reactivate,
  deleteImage,
];

export const bulkImageActions = imageActions.filter((action) => action.bulk);

/** A project's own membership of a shared image: the receiving project accepts or rejects the share. */
export function membershipActions(projectId: string): readonly AnyActionDeclaration<ImageRecord>[] {
  const answer = (id: 'accept' | 'reject', status: 'accepted' | 'rejected'): ImageAction => ({
    id,
    label: `images.actions.${id}.label`,
    unavailableReason: (image) => (image.owner === projectId ? 'images.members.ownImage' : notShared(image)),
    affects: affectsImages,
    request: (image) => [{ method: 'PUT', path: `${imageMembersPath(image.id)}/${encodeURIComponent(projectId)}`, body: { status } }],
    cli: (image) => [['image', 'set', `--${id}`, image.id]],
  });
  return [answer('accept', 'accepted'), answer('reject', 'rejected')];
}

/** Removing one member (from the detail page's member list). */
export function removeMemberAction(projectId: string): ImageAction {
  return {
    id: 'remove-member',
    label: 'images.actions.remove-member.label',
    unavailableReason: () => null,
    affects: affectsImages,
    request: (image) => [{ method: 'DELETE', path: `${imageMembersPath(image.id)}/${encodeURIComponent(projectId)}` }],
    cli: (image) => [['image', 'remove', 'project', image.id, projectId]],
    confirmation: { message: 'images.actions.remove-member.confirm', destructive: true },
  };
}

export const identifyImage = (image: ImageRecord) => ({ id: image.id, name: image.name ?? image.id, page: `/images/${encodeURIComponent(image.id)}` });
