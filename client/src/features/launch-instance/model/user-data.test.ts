import { describe, expect, it } from 'vitest';
import { base64Length, checkUserData, encodeUserData, maxEncodedUserDataLength, userDataKind } from './user-data';

const validCloudConfig = `#cloud-config
hostname: web-1
timezone: Europe/Paris
package_update: true
package_upgrade: false
packages:
  - nginx
  - [libpython3.11, '3.11.2-6']
users:
  - default
  - name: deploy
    groups: [sudo, www-data]
    sudo: ALL=(ALL) NOPASSWD:ALL
    shell: /bin/bash
    ssh_authorized_keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample deploy@laptop
ssh_authorized_keys:
  - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample2 admin@laptop
write_files:
  - path: /etc/motd
    content: Hello from Zenith
    permissions: '0644'
    owner: root:root
bootcmd:
  - echo booting
runcmd:
  - systemctl enable --now nginx
  - [sh, -c, echo done]
mounts:
  - [ephemeral0, /mnt, auto, 'defaults,nofail', '0', '2']
chpasswd:
  expire: false
  users:
    - name: deploy
      password: s3cret
      type: text
`;

const messages = (text: string) => checkUserData(text).diagnostics.map((d) => ({ severity: d.severity, line: d.line, column: d.column, ...d.message }));

describe('userDataKind', () => {
  it('tells cloud-config, scripts, other cloud-init formats and the rest apart', () => {
    expect(userDataKind('')).toBe('empty');
    expect(userDataKind('  \n')).toBe('empty');
    expect(userDataKind('#cloud-config\nhostname: a')).toBe('cloud-config');
    expect(userDataKind('#cloud-config  \r\nhostname: a')).toBe('cloud-config');
    expect(userDataKind('#!/bin/sh\necho hi')).toBe('shell');
    expect(userDataKind('#include\nhttps://example.org/x')).toBe('cloud-init-other');
    expect(userDataKind('hello')).toBe('unknown');
  });
});

describe('checkUserData', () => {
  it('accepts a cloud-config using the common modules', () => {
    const check = checkUserData(validCloudConfig);
    expect(check.kind).toBe('cloud-config');
    expect(check.diagnostics).toEqual([]);
    expect(check.sendable).toBe(true);
  });

  it('reports a YAML syntax error at its line', () => {
    const check = checkUserData('#cloud-config\npackages:\n  - vim\n runcmd: [echo hi\n');
    expect(check.sendable).toBe(false);
    const first = check.diagnostics[0]!;
    expect(first.severity).toBe('error');
    expect(first.message.code).toBe('yamlSyntax');
    expect(first.line).toBeGreaterThanOrEqual(4);
    expect(first.message.code === 'yamlSyntax' && first.message.detail).not.toMatch(/at line/);
  });

  it('names the module a misspelt key was meant to be, without blocking', () => {
    const check = checkUserData('#cloud-config\npackage:\n  - vim\nrun_cmd:\n  - ls\nfrobnicate: 1\n');
    expect(messages('#cloud-config\npackage:\n  - vim\nrun_cmd:\n  - ls\nfrobnicate: 1\n')).toEqual([
      { severity: 'warning', line: 2, column: 1, code: 'unknownModule', key: 'package', suggestion: 'packages' },
      { severity: 'warning', line: 4, column: 1, code: 'unknownModule', key: 'run_cmd', suggestion: 'runcmd' },
      { severity: 'warning', line: 6, column: 1, code: 'unknownModule', key: 'frobnicate', suggestion: undefined },
    ]);
    expect(check.sendable).toBe(true);
  });

  it('says a single value must be written as a list (packages: vim)', () => {
    expect(messages('#cloud-config\npackage_update: true\npackages: vim\n')).toEqual([
      { severity: 'error', line: 3, column: 11, code: 'listExpected', path: 'packages', received: 'string' },
    ]);
    expect(checkUserData('#cloud-config\npackages: vim\n').sendable).toBe(false);
  });

  it('reports wrong types, missing keys, enums and misspelt keys inside modules, where they are', () => {
    const text = `#cloud-config
package_update: yes please
write_files:
  - content: x
    permissions: 0644
  - path: /a
    contents: oops
    encoding: zip
`;
    expect(messages(text)).toEqual([
      { severity: 'error', line: 2, column: 17, code: 'wrongType', path: 'package_update', expected: 'boolean', received: 'string' },
      { severity: 'error', line: 4, column: 5, code: 'missingKey', path: 'write_files[0]', key: 'path' },
      { severity: 'error', line: 5, column: 18, code: 'permissionsAsText', path: 'write_files[0].permissions' },
      { severity: 'error', line: 7, column: 5, code: 'unknownKey', path: 'write_files[1]', key: 'contents', suggestion: 'content' },
      { severity: 'error', line: 8, column: 15, code: 'notOneOf', path: 'write_files[1].encoding', values: expect.stringContaining('gzip') },
    ]);
  });

  it('explains what a union wanted (runcmd items)', () => {
    expect(messages('#cloud-config\nruncmd:\n  - {echo: hi}\n')).toEqual([
      { severity: 'error', line: 3, column: 5, code: 'wrongType', path: 'runcmd[0]', expected: 'command', received: 'mapping' },
    ]);
  });

  it('wants a mapping at the top', () => {
    expect(messages('#cloud-config\n- a\n- b\n')).toEqual([{ severity: 'error', line: 2, column: 1, code: 'notAMapping' }]);
  });

  it('accepts an empty cloud-config and shell scripts as they are', () => {
    expect(checkUserData('#cloud-config\n').diagnostics).toEqual([]);
    const script = checkUserData('#!/bin/bash\nset -eu\nfor x in $(seq 3); do echo "$x: {"; done\n');
    expect(script.kind).toBe('shell');
    expect(script.diagnostics).toEqual([]);
    expect(script.sendable).toBe(true);
  });

  it('warns about content cloud-init will not understand, and about a missing header', () => {
    expect(messages('just some notes')).toEqual([{ severity: 'warning', line: 1, column: 1, code: 'unknownFormat' }]);
    expect(messages('packages:\n  - vim\n')).toEqual([{ severity: 'warning', line: 1, column: 1, code: 'missingHeader' }]);
    expect(checkUserData('just some notes').sendable).toBe(true);
  });

  it("enforces Nova's limit on the base64 text, exactly at the boundary", () => {
    // 4 * ceil(n / 3) <= 65535  ⇔  n <= 49149 bytes.
    const largest = `#!/bin/sh\n${'a'.repeat(49149 - 10)}`;
    expect(checkUserData(largest)).toMatchObject({ bytes: 49149, encodedLength: 65532, sendable: true });
    expect(encodeUserData(largest).length).toBe(65532);
    const oneMore = `${largest}a`;
    expect(checkUserData(oneMore)).toMatchObject({ bytes: 49150, encodedLength: 65536, sendable: false });
    expect(encodeUserData(oneMore).length).toBeGreaterThan(maxEncodedUserDataLength);
  });

  it('counts UTF-8 bytes, not characters', () => {
    expect(checkUserData('#!/bin/sh\necho é').bytes).toBe(17);
    expect(base64Length(17)).toBe(24);
    expect(atob(encodeUserData('#!/bin/sh\necho é'))).toBe('#!/bin/sh\necho \u00c3\u00a9');
  });
});
