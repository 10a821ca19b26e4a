// @vitest-environment jsdom
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
  action: {
    menuLabel: (image) => `Actions on ${image.name ?? image.id}`,
    label: 'Delete',
    method: 'DELETE',
    path: (image) => `/api/os/image/v2/images/${image.id}`,
  },
});
