// The address of the "template from existing resources" page and what its query string says: the resources chosen
// on the list pages (`?server=<id>&server=<id>&network=<id>...`, key pairs by name), or `?project=all`. Written here
// once because the list pages of several features link to it and the export page reads it back.
import type { SelectionLink } from './ui/bulk-bar';

export const templateExportPath = '/stacks/export';

/** What a list page can hand to the export, each a query parameter repeated once per resource. */
export const templateExportKinds = ['server', 'network', 'router', 'securityGroup', 'volume', 'keypair'] as const;
export type TemplateExportKind = (typeof templateExportKinds)[number];

export type TemplateExportSelection = { wholeProject: boolean } & Record<TemplateExportKind, string[]>;

export function templateExportHref(kind: TemplateExportKind, ids: readonly string[]): string {
  const search = new URLSearchParams(ids.map((id) => [kind, id]));
  return `${templateExportPath}?${search.toString()}`;
}

export const wholeProjectExportHref = `${templateExportPath}?project=all`;

export function parseTemplateExportSelection(search: URLSearchParams): TemplateExportSelection {
  const selection = { wholeProject: search.get('project') === 'all' } as TemplateExportSelection;
  for (const kind of templateExportKinds) selection[kind] = [...new Set(search.getAll(kind).filter((id) => id !== ''))];
  return selection;
}

export function isEmptySelection(selection: TemplateExportSelection): boolean {
  return !selection.wholeProject && templateExportKinds.every((kind) => selection[kind].length === 0);
}

/** The bulk bar's "Export as template" on a list page: the selected rows, by `idOf`, in the export page's URL. */
export function exportTemplateLink<Row>(kind: TemplateExportKind, idOf: (row: Row) => string): SelectionLink<Row> {
  return { id: 'export-template', label: 'table.exportTemplate', href: (rows) => templateExportHref(kind, rows.map(idOf)) };
}
