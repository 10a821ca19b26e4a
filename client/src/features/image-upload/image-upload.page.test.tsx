// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeBff } from '../../testing/fake-bff';
import { glanceForbiddenError, images } from '../../testing/fixtures';
import importInfo from '../../testing/fixtures/glance-info-import.json';
import { describeFormFailures } from '../../testing/form-failure-cases';
import { cleanupApp, renderApp } from '../../testing/render-app';

const imagesPath = '/api/os/image/v2/images';
const record = { ...images[0]!, id: 'a1b2c3d4-0000-4000-8000-000000000001', name: 'jammy', status: 'queued', visibility: 'public' };

/** Glance words its refusals in HTML, as webob renders them. */
const glanceHtml = (title: string, words: string) =>
  `<html>\n <head>\n  <title>${title}</title>\n </head>\n <body>\n  <h1>${title}</h1>\n  ${words}<br /><br />\n\n\n\n </body>\n</html>`;

/** The file goes up through XMLHttpRequest (for its progress events), not fetch: these stand for Glance's 204. */
const filePuts: { path: string; body: unknown }[] = [];
class GlanceFileXhr extends EventTarget {
  readonly upload = new EventTarget();
  status = 0;
  responseText = '';
  private path = '';
  open(_method: string, path: string) {
    this.path = path;
  }
  setRequestHeader() {}
  getAllResponseHeaders() {
    return '';
  }
  abort() {}
  send(body: unknown) {
    filePuts.push({ path: this.path, body });
    this.status = 204;
    queueMicrotask(() => this.dispatchEvent(new Event('load')));
  }
}

/** A qcow2 file by its magic bytes; jsdom's Blob has no arrayBuffer(), which the format guess reads its head with. */
function qcow2File() {
  const bytes = new Uint8Array([0x51, 0x46, 0x49, 0xfb, 0, 0, 0, 3]);
  const file = new File([bytes], 'jammy.qcow2');
  return Object.assign(file, { slice: (start?: number, end?: number) => ({ arrayBuffer: async () => bytes.slice(start, end).buffer }) });
}

describeFormFailures('image forms refused by Glance', {
  // The project is at its image count: Glance refuses the record, and no data is sent.
  upload: {
    page: '/images/upload',
    bff: () => new FakeBff().on('GET', '/api/os/image/v2/info/import', importInfo),
    container: () => screen.findByTestId('upload-form'),
    prepare: (form) => {
      filePuts.length = 0;
      vi.stubGlobal('XMLHttpRequest', GlanceFileXhr);
      fireEvent.change(within(form).getByTestId('upload-file'), { target: { files: [qcow2File()] } });
    },
    fields: [
      ['Name', 'jammy'],
      ['Disk format', 'qcow2'],
      ['OS distribution', 'ubuntu'],
    ],
    submit: 'upload-submit',
    method: 'POST',
    path: imagesPath,
    refusal: {
      status: 413,
      requestId: 'req-9a0b1c2d-3e4f-4a5b-8c6d-e7f8a9b0c1ff',
      body: glanceHtml('413 Request Entity Too Large', 'Project adc28bd88afb4aefb5d562b627518fae is over a limit for [Resource image_count_total is over limit of 10 due to current usage 10 and delta 1]'),
    },
    message: 'Resource image_count_total is over limit of 10 due to current usage 10 and delta 1',
    success: Response.json({ ...record, visibility: 'private' }, { status: 201 }),
    succeeded: () => waitFor(() => expect(filePuts.map((put) => put.path)).toEqual([`${imagesPath}/${record.id}/file`])),
  },
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

/** The upload's connection cut halfway (the BFF restarted during the upload): the browser's XHR says `error`. */
class CutUploadXhr extends GlanceFileXhr {
  override send(body: unknown) {
    filePuts.push({ path: '', body });
    queueMicrotask(() => this.dispatchEvent(new Event('error')));
  }
}

describe('an upload cut by a BFF restart', () => {
  afterEach(cleanupApp);

  async function uploadWithCutConnection(deleteAnswer: Parameters<FakeBff['on']>[2]) {
    const bff = new FakeBff()
      .on('GET', '/api/os/image/v2/info/import', importInfo)
      .on('POST', imagesPath, Response.json(record, { status: 201 }))
      .on('DELETE', `${imagesPath}/${record.id}`, deleteAnswer);
    vi.stubGlobal('XMLHttpRequest', CutUploadXhr);
    renderApp('/images/upload', bff);
    const form = await screen.findByTestId('upload-form');
    fireEvent.change(within(form).getByTestId('upload-file'), { target: { files: [qcow2File()] } });
    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: 'jammy' } });
    fireEvent.click(within(form).getByTestId('upload-submit'));
    const failure = await screen.findByTestId('upload-failure');
    return { bff, failure, form };
  }

  it('says Zenith’s server stopped answering, and that the record it could not delete stays Queued without data', async () => {
    // Still restarting when the record's clean-up is tried: no answer either.
    const { failure, form } = await uploadWithCutConnection(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(failure.dataset.outcome).toBe('failed');
    const alerts = within(failure).getAllByTestId('error-notice');
    expect(alerts[0]?.textContent).toContain('No answer from Zenith\'s server');
    expect(failure.textContent).toContain(`The image record ${record.id} could not be deleted: it stays in the image list as Queued, without data`);
    // Nothing spins, and the input is kept for another try.
    expect(document.querySelector('.animate-spin')).toBeNull();
    expect(within(form).getByLabelText<HTMLInputElement>('Name').value).toBe('jammy');
  });

  it('deletes the record once the BFF answers again, and says so', async () => {
    const { bff, failure } = await uploadWithCutConnection(new Response(null, { status: 204 }));
    expect(within(failure).getByTestId('error-notice').textContent).toContain('No answer from Zenith\'s server');
    expect(within(failure).getByTestId('upload-outcome').textContent).toBe(`The upload failed. The image record ${record.id} was deleted; your input is kept.`);
    expect(bff.calls('DELETE', `${imagesPath}/${record.id}`)).toHaveLength(1);
  });
});
