// Which disk format a file is, from its content first (the signatures Glance's format inspector checks) and its
// name second, so the form can preselect it; the user keeps the last word.

export const diskFormats = ['raw', 'qcow2', 'ami', 'ari', 'aki', 'vmdk', 'vhd', 'vhdx', 'vdi', 'iso', 'ploop'] as const;
export type DiskFormat = (typeof diskFormats)[number];

export const containerFormats = ['bare', 'ovf', 'ova', 'ami', 'aki', 'ari', 'docker'] as const;

interface Signature {
  format: DiskFormat;
  offset: number;
  bytes: readonly number[];
}

const ascii = (text: string) => Array.from(text, (char) => char.charCodeAt(0));

// Offsets and bytes as the formats' specifications (and glance/common/format_inspector.py) give them.
const headerSignatures: readonly Signature[] = [
  { format: 'qcow2', offset: 0, bytes: [0x51, 0x46, 0x49, 0xfb] },
  { format: 'vmdk', offset: 0, bytes: ascii('KDMV') },
  { format: 'vmdk', offset: 0, bytes: ascii('# Disk DescriptorFile') },
  { format: 'vhdx', offset: 0, bytes: ascii('vhdxfile') },
  // A dynamic VHD copies its footer to the start; a fixed one only has it in its last 512 bytes.
  { format: 'vhd', offset: 0, bytes: ascii('conectix') },
  // VirtualBox's magic 0xbeda107f, little-endian, after a 64-byte text banner.
  { format: 'vdi', offset: 0x40, bytes: [0x7f, 0x10, 0xda, 0xbe] },
  // ISO 9660: the first volume descriptor is at sector 16 (0x8000), its identifier one byte in.
  { format: 'iso', offset: 0x8001, bytes: ascii('CD001') },
  { format: 'ploop', offset: 0, bytes: ascii('WithoutFreeSpace') },
  { format: 'ploop', offset: 0, bytes: ascii('WithouFreSpacExt') },
];

/** How much of the start of a file the guess reads: up to the end of the ISO 9660 identifier. */
export const headerLength = 0x8001 + 5;
/** A VHD footer. */
export const footerLength = 512;

function matchesAt(data: Uint8Array, offset: number, bytes: readonly number[]): boolean {
  if (data.length < offset + bytes.length) return false;
  return bytes.every((byte, index) => data[offset + index] === byte);
}

/** The format the bytes say, or undefined when no known signature is there (raw data has none). */
export function formatFromContent(header: Uint8Array, footer?: Uint8Array): DiskFormat | undefined {
  const signature = headerSignatures.find(({ offset, bytes }) => matchesAt(header, offset, bytes));
  if (signature) return signature.format;
  if (footer && matchesAt(footer, 0, ascii('conectix'))) return 'vhd';
  return undefined;
}

const formatOfExtension: Readonly<Record<string, DiskFormat>> = {
  qcow2: 'qcow2',
  qcow: 'qcow2',
  raw: 'raw',
  img: 'raw',
  vmdk: 'vmdk',
  vhd: 'vhd',
  vpc: 'vhd',
  vhdx: 'vhdx',
  vdi: 'vdi',
  iso: 'iso',
  hds: 'ploop',
  ami: 'ami',
  ari: 'ari',
  aki: 'aki',
};

export function formatFromName(fileName: string): DiskFormat | undefined {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  return extension ? formatOfExtension[extension] : undefined;
}

export interface DiskFormatGuess {
  format: DiskFormat;
  /** What the guess rests on, for the hint under the field. */
  basis: 'content' | 'name' | 'default';
}

/**
 * The content wins over the name (a `.img` is often qcow2). With neither, raw: the one format without a
 * signature. A name saying a signature-less format (raw, ami, ari, aki) is kept as the name's.
 */
export function guessDiskFormat(fileName: string, header: Uint8Array, footer?: Uint8Array): DiskFormatGuess {
  const fromContent = formatFromContent(header, footer);
  if (fromContent) return { format: fromContent, basis: 'content' };
  const fromName = formatFromName(fileName);
  if (fromName) return { format: fromName, basis: 'name' };
  return { format: 'raw', basis: 'default' };
}

/** Reads the two parts of a file the guess needs, without reading the rest. */
export async function readSignatureBytes(file: Blob): Promise<{ header: Uint8Array; footer: Uint8Array }> {
  const [header, footer] = await Promise.all([
    file.slice(0, headerLength).arrayBuffer(),
    file.slice(Math.max(0, file.size - footerLength)).arrayBuffer(),
  ]);
  return { header: new Uint8Array(header), footer: new Uint8Array(footer) };
}
