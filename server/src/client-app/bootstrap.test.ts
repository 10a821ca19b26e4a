// @vitest-environment jsdom
// The bootstrap block parsed by a real HTML parser (jsdom's, which follows the HTML standard's tokenizer): whatever a
// user, project or domain is called, the page keeps one data block whose JSON reads back exactly.
import { describe, expect, it } from 'vitest';
import { bootstrapElementId, type Bootstrap } from '../contract/bootstrap.js';
import type { SessionView } from '../contract/session.js';
import { bootstrapElement, scriptSafeJson } from './bootstrap.js';

const hostileNames = [
  '</script><script>alert(1)</script>',
  '</SCRIPT ><img src=x onerror=alert(1)>',
  '<!--<script>',
  '<!-- </script> -->',
  '<script>',
  ']]></script>',
  'line\u2028separator\u2029paragraph',
  "$& $' $` $$",
  '&lt;&amp;"\'',
  '\\u003c/script>',
];

function sessionNamed(name: string): SessionView {
  return {
    user: { id: 'u1', name, domain: { id: 'default', name } },
    project: { id: 'p1', name, domain: { id: 'default', name: 'Default' } },
    roles: ['member'],
    region: 'RegionOne',
    regions: ['RegionOne'],
    interface: 'public',
    services: [{ type: 'compute', name, url: 'http://compute.example/v2.1' }],
    signIn: { methods: ['password'] },
    expiresAt: '2030-01-01T00:00:00.000Z',
    csrfToken: 'csrf',
  };
}

// The little of the DOM these tests read: the server's types have no DOM, the jsdom environment has one.
interface ParsedElement {
  tagName: string;
  textContent: string | null;
  parentElement: ParsedElement | null;
  getAttribute(name: string): string | null;
}
interface ParsedDocument {
  querySelectorAll(selector: string): ArrayLike<ParsedElement>;
  getElementById(id: string): ParsedElement | null;
}
const { DOMParser } = globalThis as unknown as { DOMParser: new () => { parseFromString(html: string, type: 'text/html'): ParsedDocument } };

function parsedPage(bootstrap: Bootstrap): ParsedDocument {
  const html = `<!doctype html><html><head><title>Zenith</title>${bootstrapElement(bootstrap)}</head><body><div id="root"></div><script type="module" src="/assets/index.js"></script></body></html>`;
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('the bootstrap block', () => {
  it.each(hostileNames)('stays one inert data block, read back exactly, with a name like %j', (name) => {
    const bootstrap: Bootstrap = { session: sessionNamed(name), versions: [{ serviceType: 'compute', maxMicroversion: '2.96' }] };
    const page = parsedPage(bootstrap);
    const scripts = Array.from(page.querySelectorAll('script'));
    expect(scripts.map((script) => script.getAttribute('type'))).toEqual(['application/json', 'module']);
    expect(page.querySelectorAll('img')).toHaveLength(0);
    expect(page.getElementById('root')).not.toBeNull();
    const block = page.getElementById(bootstrapElementId);
    expect(block?.parentElement?.tagName).toBe('HEAD');
    expect(JSON.parse(block?.textContent ?? '')).toEqual(bootstrap);
  });

  it('writes no <, > or & and no line separators, and says "not signed in" as a null session', () => {
    const text = scriptSafeJson({ session: sessionNamed(hostileNames.join('')), versions: [] });
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    const signedOut = parsedPage({ session: null, versions: [] }).getElementById(bootstrapElementId);
    expect(JSON.parse(signedOut?.textContent ?? '')).toEqual({ session: null, versions: [] });
  });
});
