import type { ReactNode } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../lib/ui/button';
import { ActionApiViews } from '../../../../lib/actions/action-http-view';
import { useUsableNetworks } from '../../../../resources/networks/networks';
import { usePorts } from '../../../../resources/ports/ports';
import { useServerGroups } from '../../../../resources/server-groups/server-groups';
import { chosenImage, toServerCreateChoices, type LaunchFormValues, type LaunchStep } from '../../model/launch-form';
import { buildServerCreateCommand, serverCreateCommandNotes, userDataFileName } from '../../model/server-create';
import { checkUserData } from '../../model/user-data';
import { serverCreateActionRequest } from '../../api/create-server';
import type { StepProps } from './step-props';
import { useQuantityFormat } from '../use-quantity-format';

function Section({ step, title, goTo, children }: { step: LaunchStep; title: string; goTo: StepProps['goTo']; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="rounded-md border border-line p-3" data-testid={`summary-section-${step}`} aria-label={title}>
      <div className="mb-2 flex items-center justify-between gap-2">
        <h3 className="text-sm font-semibold text-fg">{title}</h3>
        <Button variant="ghost" className="px-2 py-1 text-xs" onClick={() => goTo(step)} aria-label={t('launch-instance.summary.edit', { step: title })}>
          {t('launch-instance.summary.editShort')}
        </Button>
      </div>
      <dl className="grid grid-cols-[minmax(8rem,auto)_1fr] gap-x-4 gap-y-1 text-sm">{children}</dl>
    </section>
  );
}

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <>
      <dt className="text-fg-muted">{label}</dt>
      <dd className="min-w-0 break-words text-fg" data-testid={testId}>
        {children}
      </dd>
    </>
  );
}

export function SummaryStep({ data, goTo }: StepProps) {
  const { t } = useTranslation();
  const { control, getValues } = useFormContext<LaunchFormValues>();
  const values = { ...getValues(), ...useWatch({ control }) } as LaunchFormValues;
  const format = useQuantityFormat();
  const networks = useUsableNetworks();
  const ports = usePorts();
  const serverGroups = useServerGroups();
  const choices = toServerCreateChoices(values, data.context);
  const flavor = data.context.flavors.find((candidate) => candidate.id === values.flavorId);
  const image = chosenImage(values, data.context);
  const volume = data.context.volumes.get(values.volumeId);
  const userData = checkUserData(values.userData);
  const none = t('launch-instance.summary.none');
  const title = (step: LaunchStep) => t(`launch-instance.steps.${step}`);

  return (
    <div className="space-y-4">
      <div className="grid gap-3 xl:grid-cols-2">
        <Section step="details" title={title('details')} goTo={goTo}>
          <Row label={t('launch-instance.details.name')} testId="summary-name">{values.name}</Row>
          <Row label={t('launch-instance.details.count')}>{values.count}</Row>
          <Row label={t('launch-instance.details.zone')}>{values.availabilityZone || t('launch-instance.details.anyZone')}</Row>
          <Row label={t('launch-instance.details.description')}>{values.description || none}</Row>
        </Section>
        <Section step="source" title={title('source')} goTo={goTo}>
          <Row label={t('launch-instance.source.kind')}>{t(`launch-instance.source.kinds.${values.sourceKind}.label`)}</Row>
          {values.sourceKind === 'volume' ? (
            <Row label={t('launch-instance.summary.volume')}>{volume?.name || values.volumeId}</Row>
          ) : values.sourceKind === 'volume-snapshot' ? (
            <Row label={t('launch-instance.summary.volumeSnapshot')} testId="summary-volume-snapshot">
              {data.context.volumeSnapshots.get(values.volumeSnapshotId)?.name || values.volumeSnapshotId}
            </Row>
          ) : (
            <Row label={t('launch-instance.summary.image')} testId="summary-image">{image?.name ?? (values.sourceKind === 'snapshot' ? values.snapshotId : values.imageId)}</Row>
          )}
          {(values.sourceKind === 'image-to-volume' || values.sourceKind === 'volume-snapshot') && (
            <Row label={t('launch-instance.source.volumeSize')}>
              {format.gibibytes(values.volumeSizeGiB)} ·{' '}
              {values.deleteOnTermination ? t('launch-instance.summary.deletedWithServer') : t('launch-instance.summary.keptAfterServer')}
            </Row>
          )}
        </Section>
        <Section step="flavor" title={title('flavor')} goTo={goTo}>
          <Row label={t('launch-instance.flavor.columns.name')} testId="summary-flavor">{flavor?.name ?? values.flavorId}</Row>
          {flavor && (
            <Row label={t('launch-instance.summary.resources')}>
              {t('launch-instance.summary.flavorResources', {
                vcpus: flavor.vcpus,
                ram: format.mebibytes(flavor.ram),
                disk: flavor.disk === 0 ? t('launch-instance.flavor.imageSized') : format.gibibytes(flavor.disk),
              })}
            </Row>
          )}
        </Section>
        <Section step="networks" title={title('networks')} goTo={goTo}>
          {values.networks.map((entry, index) => (
            <Row key={`${entry.kind}-${entry.id}-${index}`} label={t('launch-instance.summary.nic', { position: index + 1 })} testId="summary-network">
              {entry.kind === 'port'
                ? t('launch-instance.summary.port', { name: ports.data?.find((port) => port.id === entry.id)?.name || entry.id })
                : (networks.data?.find((network) => network.id === entry.id)?.name ?? entry.id)}
              {entry.kind === 'network' && entry.fixedIp.trim() !== '' && ` · ${entry.fixedIp.trim()}`}
            </Row>
          ))}
        </Section>
        <Section step="access" title={title('access')} goTo={goTo}>
          <Row label={t('launch-instance.access.securityGroups')}>{values.securityGroups.join(', ') || none}</Row>
          <Row label={t('launch-instance.access.keypair')} testId="summary-keypair">{values.keyName || none}</Row>
        </Section>
        <Section step="configuration" title={title('configuration')} goTo={goTo}>
          <Row label={t('launch-instance.userData.label')}>
            {userData.kind === 'empty'
              ? none
              : `${t(`launch-instance.userData.kinds.${userData.kind}`)} · ${t('launch-instance.summary.bytes', { bytes: format.number(userData.bytes) })}`}
          </Row>
          <Row label={t('launch-instance.configuration.configDrive')}>{values.configDrive ? t('launch-instance.summary.yes') : t('launch-instance.summary.no')}</Row>
          <Row label={t('launch-instance.configuration.metadata')}>
            {values.metadata.length === 0 ? none : values.metadata.map((entry) => `${entry.key}=${entry.value}`).join(', ')}
          </Row>
          <Row label={t('launch-instance.configuration.serverGroup')}>
            {values.serverGroupId ? (serverGroups.data?.find((group) => group.id === values.serverGroupId)?.name ?? values.serverGroupId) : none}
          </Row>
        </Section>
      </div>
      <section aria-labelledby="launch-cli-title" className="space-y-2">
        <h3 id="launch-cli-title" className="text-sm font-semibold text-fg">
          {t('launch-instance.summary.cliTitle')}
        </h3>
        <ActionApiViews
          variant="tabs"
          commands={[buildServerCreateCommand(choices)]}
          commandTestId="launch-cli"
          cliTestId="launch-cli-panel"
          httpTestId="launch-http"
          cliNotes={serverCreateCommandNotes(choices).map((note) => (
            <p key={note} className="text-xs text-fg-muted" data-testid={`cli-note-${note}`}>
              {t(`launch-instance.summary.cliNotes.${note}`, { file: userDataFileName, size: values.volumeSizeGiB })}
            </p>
          ))}
          requests={() => [serverCreateActionRequest(choices)]}
        />
      </section>
    </div>
  );
}
