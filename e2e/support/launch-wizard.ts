// Drives the launch wizard through its steps, for the specs that launch by a path of their own (volume, volume
// snapshot, port, zone, server group...) and then ask the CLI what Nova made of it.
import { expect, type Page } from '@playwright/test';

export interface WizardChoices {
  name: string;
  /** Picks the boot source on the source step (the step is open when it is called). */
  source: (page: Page) => Promise<void>;
  /** Network names, or `{ portId }` for an existing port. */
  interfaces: (string | { portId: string })[];
  zone?: string;
  /** The server group's id (its option reads "name (policy)"). */
  serverGroupId?: string;
  configDrive?: boolean;
  metadata?: Record<string, string>;
  /** Called on the summary step before launching (assertions on what it shows). */
  onSummary?: (page: Page) => Promise<void>;
}

export function wizardRow(page: Page, table: string, name: string) {
  return page.getByTestId(table).locator(`tr[data-row-name="${name}"]`);
}

async function next(page: Page, step: string) {
  await page.getByTestId('wizard-next').click();
  await expect(page.getByTestId('launch-steps').locator('[aria-current="step"]')).toHaveAttribute('data-testid', `step-${step}`);
}

/**
 * Goes through every step with `choices` from the wizard already open on its details step, launches, and returns the
 * new server's id once the instances list shows it ACTIVE.
 */
export async function launchThroughWizard(page: Page, choices: WizardChoices): Promise<string> {
  await page.getByLabel('Instance name').fill(choices.name);
  if (choices.zone) await page.getByLabel('Availability zone').selectOption(choices.zone);
  await next(page, 'source');
  await choices.source(page);
  await next(page, 'flavor');
  await wizardRow(page, 'flavor-table', 'm1.tiny').click();
  await next(page, 'networks');
  for (const [index, entry] of choices.interfaces.entries()) {
    if (typeof entry === 'string') {
      await page.getByTestId('add-network').click();
      await page.getByLabel(`Network ${index + 1}`).selectOption({ label: entry });
    } else {
      await page.getByTestId('add-port').click();
      await page.getByLabel(`Port ${index + 1}`).selectOption(entry.portId);
    }
  }
  await next(page, 'access');
  await next(page, 'configuration');
  if (choices.configDrive) await page.getByLabel('Use a configuration drive').check();
  for (const [index, [key, value]] of Object.entries(choices.metadata ?? {}).entries()) {
    await page.getByTestId('add-metadata').click();
    await page.getByLabel(`Metadata key ${index + 1}`).fill(key);
    await page.getByLabel(`Metadata value ${index + 1}`).fill(value);
  }
  if (choices.serverGroupId) await page.getByLabel('Server group').selectOption(choices.serverGroupId);
  await next(page, 'summary');
  await expect(page.getByTestId('summary-name')).toHaveText(choices.name);
  await choices.onSummary?.(page);

  await page.getByTestId('wizard-launch').click();
  await expect(page).toHaveURL(/\/instances(\?.*)?$/);
  const listRow = page.getByTestId('table-row').filter({ has: page.getByTestId('server-name').getByText(choices.name, { exact: true }) });
  await expect(listRow.getByTestId('server-status')).toHaveAttribute('data-status', 'ACTIVE', { timeout: 120_000 });
  const id = await listRow.getAttribute('data-row-id');
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  return id!;
}
