// The CSV a list page's "Export CSV" downloads, in a page test: the click, the file caught at the browser's door
// (jsdom cannot download), its text read back.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { expect, vi } from 'vitest';

export async function exportCsv(): Promise<string> {
  const files: Blob[] = [];
  const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    files.push(blob as Blob);
    return 'blob:export';
  });
  const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  try {
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(files).toHaveLength(1));
    // jsdom's Blob has no text(): read as a browser without it would.
    return await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.readAsText(files[0]!);
    });
  } finally {
    click.mockRestore();
    create.mockRestore();
    revoke.mockRestore();
  }
}
