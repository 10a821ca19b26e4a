import { describe, expect, it } from 'vitest';
import { withoutSecrets } from './log-redaction';

describe('withoutSecrets', () => {
  it('masks passwords, secrets and TOTP codes at any depth, and nothing else', () => {
    expect(withoutSecrets({ username: 'demo', password: 'pw', userDomain: 'Default' })).toEqual({ username: 'demo', password: '***', userDomain: 'Default' });
    expect(withoutSecrets({ originalPassword: 'a', password: 'b' })).toEqual({ originalPassword: '***', password: '***' });
    expect(withoutSecrets({ id: 'ac', secret: 's' })).toEqual({ id: 'ac', secret: '***' });
    expect(withoutSecrets({ passcode: '123456' })).toEqual({ passcode: '***' });
    expect(withoutSecrets({ ipsec_site_connection: { peer_id: '203.0.113.5', psk: 'k' } })).toEqual({ ipsec_site_connection: { peer_id: '203.0.113.5', psk: '***' } });
    expect(withoutSecrets({ user: { name: 'u', password: 'p', original_password: 'o' } })).toEqual({ user: { name: 'u', password: '***', original_password: '***' } });
    expect(withoutSecrets([{ secret: 'x' }, 'secret'])).toEqual([{ secret: '***' }, 'secret']);
    expect(withoutSecrets({ server: { name: 'web', metadata: { passwordless: 'yes' } } })).toEqual({ server: { name: 'web', metadata: { passwordless: 'yes' } } });
    expect(withoutSecrets(undefined)).toBeUndefined();
  });
});
