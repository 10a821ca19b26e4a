// The calls of an upload and of an import as the HTTP view shows them before they are sent: the same paths and
// bodies as upload-image.ts and import-image.ts send, the new image's id a placeholder until Glance answers.
import { followedByCreated } from '../../../lib/actions/follow-ups';
import type { ActionRequest } from '../../../lib/actions/types';
import { imagesPath } from '../../../resources/images/images';
import type { Image } from '../../../resources/images/types';
import { toImageCreateBody } from '../model/image-metadata';
import type { ImportFormValues } from '../model/import-form';
import type { UploadFormValues } from '../model/upload-form';
import { imagePath } from './creation';

const protectRequest = (id: string): ActionRequest => ({
  method: 'PATCH',
  path: imagePath(id),
  body: [{ op: 'replace', path: '/protected', value: true }],
  contentType: 'application/openstack-images-v2.1-json-patch',
});

/** POST the record, PUT the file (curl's `@file` reads it), PATCH protected when asked. */
export function uploadRequests(values: UploadFormValues): ActionRequest[] {
  return [
    followedByCreated<Image>(
      { method: 'POST', path: imagesPath, body: toImageCreateBody(values) },
      (image) => image.id,
      'image-upload.http.createdImage',
      (id) => [
        { method: 'PUT', path: `${imagePath(id)}/file`, body: `@${values.file?.name ?? 'file'}`, contentType: 'application/octet-stream' },
        ...(values.protected ? [protectRequest(id)] : []),
      ],
    ),
  ];
}

/** POST the record, POST its web-download import (then the image is read until active), PATCH protected when asked. */
export function importRequests(values: ImportFormValues): ActionRequest[] {
  return [
    followedByCreated<Image>(
      { method: 'POST', path: imagesPath, body: toImageCreateBody(values) },
      (image) => image.id,
      'image-upload.http.createdImage',
      (id) => [
        { method: 'POST', path: `${imagePath(id)}/import`, body: { method: { name: 'web-download', uri: values.uri.trim() } } },
        ...(values.protected ? [protectRequest(id)] : []),
      ],
    ),
  ];
}
