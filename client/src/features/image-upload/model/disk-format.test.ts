import { describe, expect, it } from 'vitest';
import { footerLength, formatFromContent, formatFromName, guessDiskFormat, headerLength, readSignatureBytes } from './disk-format';

// The first bytes of images made by `qemu-img create -f <format> img 16M` (qemu-img 7.2), as hex.
const realHeaders = {
  qcow2: '514649fb00000003000000000000000000000000000000100000000001000000',
  vmdk: '4b444d56010000000300000000800000000000008000000000000000010000',
  vhdx: '7668647866696c65510045004d0055002000760037002e0032002e0032003200',
  vdi:
    '3c3c3c2051454d5520564d205669727475616c204469736b20496d616765203e3e3e0a' +
    '00000000000000000000000000000000000000000000000000000000007f10dabe010001008001000001000000',
  // `-f vpc` (dynamic): the footer copy at the start.
  vhd: '636f6e65637469780000000200010000',
} as const;
// The last 512 bytes of `qemu-img create -f vpc -o subformat=fixed` start with this; its first bytes are zeros.
const fixedVhdFooter = '636f6e65637469780000000200010000';

function hex(text: string): Uint8Array {
  return Uint8Array.from(text.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}

/** `bytes` placed at `offset` of a zero-filled header, as a disk image file's first bytes would be. */
function headerWith(offset: number, bytes: Uint8Array): Uint8Array {
  const header = new Uint8Array(Math.max(headerLength, offset + bytes.length));
  header.set(bytes, offset);
  return header;
}

describe('formatFromContent', () => {
  it.each(Object.entries(realHeaders))('recognises a real %s header', (format, bytes) => {
    expect(formatFromContent(hex(bytes))).toBe(format);
  });

  it('recognises a fixed VHD by its footer alone', () => {
    expect(formatFromContent(new Uint8Array(headerLength), hex(fixedVhdFooter))).toBe('vhd');
  });

  it('recognises an ISO 9660 primary volume descriptor at sector 16', () => {
    // Type 1 (primary), "CD001", version 1.
    expect(formatFromContent(headerWith(0x8000, hex('014344303031' + '01')))).toBe('iso');
  });

  it('recognises a VMDK descriptor file and a ploop image', () => {
    expect(formatFromContent(new TextEncoder().encode('# Disk DescriptorFile\nversion=1\n'))).toBe('vmdk');
    expect(formatFromContent(new TextEncoder().encode('WithoutFreeSpace\0\0\0\0'))).toBe('ploop');
  });

  it('finds nothing in raw data or in a header too short to hold the signature', () => {
    expect(formatFromContent(new Uint8Array(headerLength))).toBeUndefined();
    expect(formatFromContent(hex('514649'))).toBeUndefined();
    // The ISO identifier one byte off is not an ISO.
    expect(formatFromContent(headerWith(0x8002, new TextEncoder().encode('CD001')))).toBeUndefined();
  });
});

describe('formatFromName', () => {
  it('maps image file extensions, ignoring case', () => {
    expect(formatFromName('noble-server-cloudimg-amd64.QCOW2')).toBe('qcow2');
    expect(formatFromName('win.vhdx')).toBe('vhdx');
    expect(formatFromName('disk.vpc')).toBe('vhd');
    expect(formatFromName('debian-12.iso')).toBe('iso');
    expect(formatFromName('README')).toBeUndefined();
    expect(formatFromName('notes.txt')).toBeUndefined();
  });
});

describe('guessDiskFormat', () => {
  it('trusts the content over the name', () => {
    expect(guessDiskFormat('cirros-0.6.2-x86_64-disk.img', hex(realHeaders.qcow2))).toEqual({ format: 'qcow2', basis: 'content' });
  });

  it('falls back to the name, then to raw', () => {
    expect(guessDiskFormat('kernel.aki', new Uint8Array(64))).toEqual({ format: 'aki', basis: 'name' });
    expect(guessDiskFormat('disk', new Uint8Array(64))).toEqual({ format: 'raw', basis: 'default' });
  });
});

describe('readSignatureBytes', () => {
  it('reads the header and the last 512 bytes of a file', async () => {
    const content = new Uint8Array(headerLength + 4096);
    content.set(hex(realHeaders.qcow2), 0);
    content.set(hex(fixedVhdFooter), content.length - footerLength);
    const { header, footer } = await readSignatureBytes(new Blob([content]));
    expect(header.length).toBe(headerLength);
    expect(formatFromContent(header)).toBe('qcow2');
    expect(footer.length).toBe(footerLength);
    expect(formatFromContent(new Uint8Array(8), footer)).toBe('vhd');
  });
});
