// @vitest-environment jsdom
// A detail page given an id that does not exist (a mistyped or old link, a resource deleted in another tab) says
// "not found" with the ids of the call that found nothing: never a blank page, never only a sentence.
import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeBff } from '../testing/fake-bff';
import { blockStorageVersions, servers } from '../testing/fixtures';
import { cleanupApp, renderApp } from '../testing/render-app';

const missing = 'a0d2c1e4-0000-4000-8000-000000000404';
const serviceRequestId = 'req-5c0ffee0-aaaa-4bbb-8ccc-000000000404';
const zenithRequestId = 'req-0b0b0b0b-1111-4222-8333-444444444444';

const detailPages = [
  `/instances/${missing}`,
  `/volumes/${missing}`,
  `/volumes/snapshots/${missing}`,
  `/images/${missing}`,
  `/flavors/${missing}`,
  `/keypairs/${missing}`,
  `/networks/${missing}`,
  `/ports/${missing}`,
  `/routers/${missing}`,
  `/security-groups/${missing}`,
  `/server-groups/${missing}`,
  `/admin/volume-types/${missing}`,
  `/stacks/gone/${missing}`,
  `/stacks/gone/${missing}/update`,
];

/** The service's 404 for anything naming the missing id, as the BFF passes it on (both request ids). */
function bffWithout(id: string): FakeBff {
  return new FakeBff()
    .on('GET', '/api/versions/block-storage', blockStorageVersions)
    .otherwise(({ url }) =>
      Response.json(
        url.pathname.includes(id)
          ? { itemNotFound: { code: 404, message: `Resource ${id} could not be found.` } }
          : { error: { message: `The fake BFF has no answer for ${url.pathname}`, status: 404 } },
        {
          status: 404,
          headers: url.pathname.includes(id) ? { 'x-openstack-request-id': serviceRequestId, 'x-zenith-request-id': zenithRequestId } : {},
        },
      ),
    );
}

describe('detail pages of an id that does not exist', () => {
  afterEach(cleanupApp);

  it.each(detailPages)('%s says not found, with the request ids', async (page) => {
    renderApp(page, bffWithout(missing));
    const notice = (await screen.findByText('Not found')).closest('[role="status"]') as HTMLElement;
    expect(notice).toBeTruthy();
    expect(within(notice).getByTestId('error-request-id').textContent).toBe(serviceRequestId);
    expect(within(notice).getByTestId('error-zenith-request-id').textContent).toBe(zenithRequestId);
  });
});

describe('a detail page whose resource is deleted in another tab', () => {
  afterEach(cleanupApp);

  it('says not found with the request ids at its next read, instead of the resource it showed', async () => {
    const server = servers[0]!;
    let deleted = false;
    const bff = bffWithout(server.id).on('GET', `/api/os/compute/servers/${server.id}`, () =>
      deleted
        ? Response.json({ itemNotFound: { code: 404, message: 'Instance could not be found.' } }, { status: 404, headers: { 'x-openstack-request-id': serviceRequestId, 'x-zenith-request-id': zenithRequestId } })
        : Response.json({ server }),
    );
    const { queryClient } = renderApp(`/instances/${server.id}`, bff);
    await waitFor(() => expect(screen.getByTestId('detail-name').textContent).toBe(server.name));
    deleted = true;
    await act(() => queryClient.invalidateQueries());
    const notice = (await screen.findByText('Not found')).closest('[role="status"]') as HTMLElement;
    expect(within(notice).getByTestId('error-request-id').textContent).toBe(serviceRequestId);
    expect(screen.queryByTestId('detail-name')).toBeNull();
  });
});
