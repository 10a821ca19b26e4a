import { describe, expect, it } from 'vitest';
import { publicKeyProblem } from './public-key';

// Real keys made with ssh-keygen (the blobs start with their own type name).
const ed25519 = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDsS5gcTgEv/Iruii3f/WIP+3i1RObnUxkcL/vlmhHik e2e@zenith';
const ecdsa =
  'ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBMmC8y9DW8bwhFGw+zQgZQ3z+2w88bnZYt3dmmOhNbitcgXwo5G756N6cHgVFvoyNIFCH8Iw2IwkCUIlkKlIzUM=';

describe('publicKeyProblem', () => {
  it('accepts OpenSSH keys whose blob names their type, with or without a comment', () => {
    expect(publicKeyProblem(ed25519, 'ssh')).toBeNull();
    expect(publicKeyProblem(`  ${ed25519.split(' ').slice(0, 2).join(' ')}\n`, 'ssh')).toBeNull();
    expect(publicKeyProblem(ecdsa, 'ssh')).toBeNull();
  });

  it('says what is wrong with a key Nova would refuse', () => {
    expect(publicKeyProblem('   ', 'ssh')).toBe('empty');
    expect(publicKeyProblem('ssh-foo AAAA', 'ssh')).toBe('unknownType');
    expect(publicKeyProblem('ssh-ed25519 not*base64', 'ssh')).toBe('notBase64');
    expect(publicKeyProblem(ed25519.replace('ssh-ed25519', 'ssh-rsa'), 'ssh')).toBe('malformed');
    expect(publicKeyProblem(`${ed25519}\n${ed25519}`, 'ssh')).toBe('multipleLines');
    // Cut short at a base64 boundary: still valid base64, but the key's own field is missing.
    expect(publicKeyProblem(ed25519.slice(0, 40), 'ssh')).toBe('malformed');
    expect(publicKeyProblem(ecdsa.slice(0, 60), 'ssh')).not.toBeNull();
  });

  it('refuses a private key outright', () => {
    expect(publicKeyProblem('-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaA==\n-----END OPENSSH PRIVATE KEY-----', 'ssh')).toBe('privateKey');
  });

  it('wants a PEM certificate for an x509 key pair', () => {
    expect(publicKeyProblem('-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----', 'x509')).toBeNull();
    expect(publicKeyProblem(ed25519, 'x509')).toBe('notCertificate');
  });
});
