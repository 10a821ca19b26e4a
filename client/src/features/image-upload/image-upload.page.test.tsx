// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { FakeBff } from '../../testing/fake-bff';
import { glanceForbiddenError, images } from '../../testing/fixtures';
import importInfo from '../../testing/fixtures/glance-info-import.json';
import { describeFormFailures } from '../../testing/form-failure-cases';

const imagesPath = '/api/os/image/v2/images';
const record = { ...images[0]!, id: 'a1b2c3d4-0000-4000-8000-000000000001', name: 'jammy', status: 'queued', visibility: 'public' };

// The upload's second try sends its file through XMLHttpRequest, which the fake BFF does not answer: the import is
// this feature's form covered here.
describeFormFailures('image import form refused by Glance', {
  // The demo user may not publish an image: Glance refuses the record, and nothing is imported.
  import: {
    page: '/images/import',
    bff: () =>
      new FakeBff()
        .on('GET', '/api/os/image/v2/info/import', importInfo)
        .on('POST', `${imagesPath}/${record.id}/import`, new Response(null, { status: 202 }))
        .on('GET', `${imagesPath}/${record.id}`, { ...record, status: 'active' })
        .on('GET', `${imagesPath}/${record.id}/tasks`, { tasks: [] }),
    container: () => screen.findByTestId('import-form'),
    fields: [
      ['URL of the image data', 'https://cloud-images.example/jammy.qcow2'],
      ['Name', 'jammy'],
      ['Disk format', 'qcow2'],
      ['OS distribution', 'ubuntu'],
      ['Visibility', 'public'],
    ],
    submit: 'import-submit',
    // The URL goes with the import call, once the record exists.
    notSent: ['URL of the image data'],
    method: 'POST',
    path: imagesPath,
    refusal: glanceForbiddenError,
    message: 'You are not authorized to complete publicize_image action.',
    success: Response.json(record, { status: 201 }),
    succeeded: () => screen.findByTestId('import-done', {}, { timeout: 10_000 }),
  },
});
