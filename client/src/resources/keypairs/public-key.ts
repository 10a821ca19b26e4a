// Checks a public key before it is sent, so the user learns what is wrong with it here rather than from Nova's
// generic 400. An OpenSSH line is "<type> <base64 blob> [comment]" whose blob is a sequence of length-prefixed
// fields (RFC 4253 §6.6, RFC 5656 §3.1, RFC 8709 §4): the type name again, then the key's own fields, nothing
// more — a key cut short when copied fails that. An x509 key pair imports a PEM certificate.
import type { KeypairType } from './types';

/** The key types Nova's key manager (cryptography's load_ssh_public_key) accepts, with their blob's field count. */
const sshKeyFieldCounts: Record<string, number> = {
  'ssh-rsa': 3, // name, e, n
  'ssh-dss': 5, // name, p, q, g, y
  'ssh-ed25519': 2, // name, 32-byte key
  'ecdsa-sha2-nistp256': 3, // name, curve, point
  'ecdsa-sha2-nistp384': 3,
  'ecdsa-sha2-nistp521': 3,
};

export type PublicKeyProblem = 'empty' | 'multipleLines' | 'unknownType' | 'notBase64' | 'malformed' | 'notCertificate' | 'privateKey';

const base64Pattern = /^[A-Za-z0-9+/]+={0,2}$/;
const certificatePattern = /^-----BEGIN CERTIFICATE-----\s*\n[A-Za-z0-9+/=\s]+\n-----END CERTIFICATE-----$/;

function decodeBase64(text: string): Uint8Array | null {
  if (!base64Pattern.test(text) || text.length % 4 !== 0) return null;
  try {
    return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
  } catch {
    return null;
  }
}

/** The blob's length-prefixed fields, or null when they do not fill it exactly. */
function blobFields(blob: Uint8Array): Uint8Array[] | null {
  const fields: Uint8Array[] = [];
  let offset = 0;
  while (offset < blob.length) {
    if (blob.length - offset < 4) return null;
    const length = ((blob[offset]! << 24) | (blob[offset + 1]! << 16) | (blob[offset + 2]! << 8) | blob[offset + 3]!) >>> 0;
    offset += 4;
    if (length > blob.length - offset) return null;
    fields.push(blob.subarray(offset, offset + length));
    offset += length;
  }
  return fields;
}

function sshProblem(line: string): PublicKeyProblem | null {
  if (line.includes('\n')) return 'multipleLines';
  const [type = '', blob = ''] = line.split(/\s+/);
  const fieldCount = Object.hasOwn(sshKeyFieldCounts, type) ? sshKeyFieldCounts[type] : undefined;
  if (fieldCount === undefined) return 'unknownType';
  const decoded = decodeBase64(blob);
  if (!decoded) return 'notBase64';
  const fields = blobFields(decoded);
  if (!fields || fields.length !== fieldCount || String.fromCharCode(...fields[0]!) !== type) return 'malformed';
  return type === 'ssh-ed25519' && fields[1]!.length !== 32 ? 'malformed' : null;
}

/** What is wrong with the key for that key pair type, or null when it can be sent. */
export function publicKeyProblem(text: string, type: KeypairType): PublicKeyProblem | null {
  const key = text.trim();
  if (key === '') return 'empty';
  // The commonest mistake: pasting id_ed25519 instead of id_ed25519.pub. Never send it anywhere.
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(key)) return 'privateKey';
  if (type === 'x509') return certificatePattern.test(key.replace(/\r\n/g, '\n')) ? null : 'notCertificate';
  return sshProblem(key);
}
