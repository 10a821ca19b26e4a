// @vitest-environment jsdom
import { FakeBff } from '../../testing/fake-bff';
import { byRowMenu, describeFormFailures } from '../../testing/form-failure-cases';
import { describeListPage } from '../../testing/list-page-cases';
import { glanceForbiddenError, images } from '../../testing/fixtures';
import importInfo from '../../testing/fixtures/glance-info-import.json';

describeListPage('images page', {
  page: '/images',
  listPath: '/api/os/image/v2/images',
  answer: (rows) => ({ images: rows, first: '/v2/images', schema: '/v2/schemas/images' }),
  rows: images,
  rowText: (image) => image.name ?? image.id,
  rowShows: (image) => [image.disk_format ?? ''],
  alsoAnswers: (bff) => bff.on('GET', '/api/os/image/v2/info/import', importInfo),
  emptyText: 'No image yet.',
  // Glance words its refusals in HTML.
  forbidden: glanceForbiddenError,
  forbiddenMessage: 'You are not authorized to complete publicize_image action.',
  unavailable: 'Images (Glance)',
  action: {
    menuLabel: (image) => `Actions on ${image.name ?? image.id}`,
    label: 'Delete',
    method: 'DELETE',
    path: (image) => `/api/os/image/v2/images/${image.id}`,
  },
});

/** Glance words its refusals in HTML, as webob renders them. */
const glanceHtml = (title: string, words: string) =>
  `<html>\n <head>\n  <title>${title}</title>\n </head>\n <body>\n  <h1>${title}</h1>\n  ${words}<br /><br />\n\n\n\n </body>\n</html>`;
const image = images[0]!;
const shared = { ...image, visibility: 'shared' as const };
const imagesBff = (rows: readonly (typeof image)[]) => () =>
  new FakeBff().on('GET', '/api/os/image/v2/images', { images: rows, first: '/v2/images', schema: '/v2/schemas/images' }).on('GET', '/api/os/image/v2/info/import', importInfo);

describeFormFailures('image forms refused by Glance', {
  'edit properties': {
    page: '/images',
    bff: imagesBff(images),
    open: byRowMenu(image.name ?? image.id, `Actions on ${image.name ?? image.id}`, 'Edit properties'),
    fields: [
      ['OS distribution (os_distro)', 'cirros'],
      ['Minimum RAM (MiB)', '256'],
    ],
    method: 'PATCH',
    path: `/api/os/image/v2/images/${image.id}`,
    refusal: {
      status: 413,
      requestId: 'req-7a8b9c0d-1e2f-4a3b-8c4d-e5f6a7b8c933',
      body: glanceHtml('413 Request Entity Too Large', 'The limit has been exceeded on the number of allowed image properties. Attempted: 129, Maximum: 128'),
    },
    message: 'The limit has been exceeded on the number of allowed image properties. Attempted: 129, Maximum: 128',
    success: { ...image, os_distro: 'cirros', min_ram: 256 },
  },
  'share with a project': {
    page: '/images',
    bff: imagesBff([shared]),
    open: byRowMenu(image.name ?? image.id, `Actions on ${image.name ?? image.id}`, 'Share with a project'),
    fields: [['Project id', 'f1e2d3c4b5a697887766554433221100']],
    method: 'POST',
    path: `/api/os/image/v2/images/${image.id}/members`,
    refusal: {
      status: 409,
      requestId: 'req-8b9c0d1e-2f3a-4b4c-9d5e-f6a7b8c9d044',
      body: glanceHtml('409 Conflict', `Member f1e2d3c4b5a697887766554433221100 already exists for image ${image.id}.`),
    },
    message: 'Member f1e2d3c4b5a697887766554433221100 already exists',
    success: { image_id: image.id, member_id: 'f1e2d3c4b5a697887766554433221100', status: 'pending', created_at: '2026-12-07T21:00:00Z', updated_at: '2026-12-07T21:00:00Z', schema: '/v2/schemas/member' },
  },
});
