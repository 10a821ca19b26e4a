import { describe, expect, it } from 'vitest';
import type { LoggedRequest } from '../api/request-log';
import { cliOptions, matchesRead, pageReadRequests } from './api-reads';

let nextSeq = 1;
function call(path: string, method = 'GET', status: number | null = 200): LoggedRequest {
  return { seq: nextSeq++, service: path.split('/')[3] ?? 'zenith', method, path, headers: {}, startedAt: 0, status };
}

describe('matchesRead', () => {
  it('matches the declared path whatever the query string, and only GETs', () => {
    expect(matchesRead('/api/os/compute/servers/detail', call('/api/os/compute/servers/detail?limit=21&sort_key=created_at'))).toBe(true);
    expect(matchesRead('/api/os/compute/servers/detail', call('/api/os/compute/servers/detail'))).toBe(true);
    expect(matchesRead('/api/os/compute/servers/detail', call('/api/os/compute/servers/detail', 'POST'))).toBe(false);
  });

  it('needs the whole path: no prefix, no other service, no sub-resource', () => {
    expect(matchesRead('/api/os/compute/servers', call('/api/os/compute/servers/detail'))).toBe(false);
    expect(matchesRead('/api/os/compute/servers/s1', call('/api/os/compute/servers/s1/os-interface'))).toBe(false);
    expect(matchesRead('/api/os/network/v2.0/ports', call('/api/os/network/v2.0/portsx'))).toBe(false);
    expect(matchesRead('/api/os/network/v2.0/ports', call('/api/os/compute/v2.0/ports'))).toBe(false);
  });

  it('takes * as any one non-empty segment', () => {
    const matcher = '/api/os/placement/resource_providers/*/usages';
    expect(matchesRead(matcher, call('/api/os/placement/resource_providers/rp-1/usages'))).toBe(true);
    expect(matchesRead(matcher, call('/api/os/placement/resource_providers//usages'))).toBe(false);
    expect(matchesRead(matcher, call('/api/os/placement/resource_providers/a/b/usages'))).toBe(false);
  });

  it('requires the declared parameters (a repeated one may carry the value in any position), and allows others', () => {
    const matcher = { path: '/api/os/network/v2.0/ports', params: { device_id: 's1' } };
    expect(matchesRead(matcher, call('/api/os/network/v2.0/ports?project_id=p1&device_id=s1'))).toBe(true);
    expect(matchesRead(matcher, call('/api/os/network/v2.0/ports?device_id=s2&device_id=s1'))).toBe(true);
    expect(matchesRead(matcher, call('/api/os/network/v2.0/ports?project_id=p1&device_id=s2'))).toBe(false);
    expect(matchesRead(matcher, call('/api/os/network/v2.0/ports?project_id=p1'))).toBe(false);
    // Values compare decoded, as the API client encodes them.
    expect(matchesRead({ path: '/api/os/network/v2.0/networks', params: { 'router:external': 'true' } }, call('/api/os/network/v2.0/networks?router%3Aexternal=true'))).toBe(true);
  });
});

describe('pageReadRequests', () => {
  const list = '/api/os/compute/servers/detail';
  const images = '/api/os/image/v2/images';

  it('shows the calls made since the page appeared, oldest first, and none of other endpoints', () => {
    const log = [call(`${list}?limit=21`), call('/api/os/compute/flavors/detail'), call(`${images}?id=in:i1`), call(`${list}?limit=21&marker=s9`)];
    const since = log[0]!.seq - 1;
    const shown = pageReadRequests(log, [list, images], since);
    expect(shown.map((read) => read.request.path)).toEqual([`${list}?limit=21`, `${images}?id=in:i1`, `${list}?limit=21&marker=s9`]);
    expect(shown.every((read) => !read.beforePage && read.count === 1)).toBe(true);
  });

  it("for an endpoint not called since, shows the latest call before: the page shows that call's cached answer", () => {
    const older = call(`${list}?limit=21&name=old`);
    const latest = call(`${list}?limit=21`);
    const otherPage = call('/api/os/network/v2.0/networks');
    const since = otherPage.seq;
    const imagesAfter = call(`${images}?id=in:i1`);
    const shown = pageReadRequests([older, latest, otherPage, imagesAfter], [list, images], since);
    expect(shown).toEqual([
      { request: latest, count: 1, beforePage: true },
      { request: imagesAfter, count: 1, beforePage: false },
    ]);
  });

  it("never counts a capability probe as the page's read, even on the page's endpoint", () => {
    const pageRead = call(`${list}?limit=21&name=web`);
    const since = pageRead.seq;
    // The all-projects page's probe, sent by the navigation after the page appeared.
    const probe = { ...call(`${list}?all_tenants=1&limit=1`), purpose: 'probe' as const };
    expect(matchesRead(list, probe)).toBe(false);
    expect(pageReadRequests([pageRead, probe], [list], since)).toEqual([{ request: pageRead, count: 1, beforePage: true }]);
  });

  it('an endpoint never called shows nothing', () => {
    expect(pageReadRequests([call('/api/os/compute/flavors/detail')], [list], 0)).toEqual([]);
  });

  it('shows identical calls once, the latest in its place, with how many were made (a polled page)', () => {
    const detail = '/api/os/compute/servers/s1';
    const first = call(detail);
    const actions = call(`${detail}/os-instance-actions`);
    const failed = call(detail, 'GET', 503);
    const last = call(detail);
    const shown = pageReadRequests([first, actions, failed, last], [detail, `${detail}/os-instance-actions`], 0);
    expect(shown).toEqual([
      { request: actions, count: 1, beforePage: false },
      { request: last, count: 3, beforePage: false },
    ]);
  });

  it('shows a call matched by two declarations once', () => {
    const ports = call('/api/os/network/v2.0/ports?device_id=r1&project_id=p1');
    const shown = pageReadRequests([ports], ['/api/os/network/v2.0/ports', { path: '/api/os/network/v2.0/ports', params: { device_id: 'r1' } }], 0);
    expect(shown).toEqual([{ request: ports, count: 1, beforePage: false }]);
  });

  it('keeps the calls in flight and the failed ones: they are what the page asked', () => {
    const pending = call(list, 'GET', null);
    const refused = call(images, 'GET', 403);
    expect(pageReadRequests([pending, refused], [list, images], 0).map((read) => read.request.status)).toEqual([null, 403]);
  });
});

describe('cliOptions', () => {
  it('gives an option with its value when set, a flag alone when true, nothing when unset or empty', () => {
    expect(
      cliOptions([
        ['--name', 'web 1'],
        ['--status', undefined],
        ['--all-projects', true],
        ['--share', false],
        ['--image', ''],
      ]),
    ).toEqual(['--name', 'web 1', '--all-projects']);
  });
});
