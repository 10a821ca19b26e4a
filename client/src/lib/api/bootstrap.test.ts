// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { bootstrapElementId } from '@contract/bootstrap';
import { takeBootstrap } from './bootstrap';

function served(text: string) {
  const element = document.createElement('script');
  element.type = 'application/json';
  element.id = bootstrapElementId;
  element.textContent = text;
  document.head.append(element);
}

afterEach(() => document.getElementById(bootstrapElementId)?.remove());

describe('takeBootstrap', () => {
  it('reads the block once and takes it out of the document', () => {
    served('{"session":null,"versions":[{"serviceType":"compute","maxMicroversion":"2.96"}]}');
    expect(takeBootstrap()).toEqual({ session: null, versions: [{ serviceType: 'compute', maxMicroversion: '2.96' }] });
    expect(document.getElementById(bootstrapElementId)).toBeNull();
    expect(takeBootstrap()).toBeUndefined();
  });

  it('reads the escapes the BFF writes back as the characters', () => {
    served('{"session":{"project":{"name":"\\u003c/script\\u003e\\u2028"}},"versions":[]}');
    expect(takeBootstrap()?.session?.project.name).toBe('</script>\u2028');
  });

  it('gives nothing for a page without one, or with one it cannot read', () => {
    expect(takeBootstrap()).toBeUndefined();
    for (const text of ['', '{not json', '[]', '{"session":null}', '"text"']) {
      served(text);
      expect(takeBootstrap(), text).toBeUndefined();
      expect(document.getElementById(bootstrapElementId), text).toBeNull();
    }
  });
});
