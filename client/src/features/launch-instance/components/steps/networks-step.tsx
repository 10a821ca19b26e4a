import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../lib/ui/button';
import { ErrorNotice } from '../../../../lib/ui/error-notice';
import { LoadingState } from '../../../../lib/ui/loading-state';
import { useUsableNetworks } from '../../../../resources/networks/networks';
import { isFreePort, usePorts } from '../../../../resources/ports/ports';
import type { LaunchFormValues } from '../../model/launch-form';
import { describedBy, FieldError, inputClass } from '../../../../lib/ui/form-controls';
import type { StepProps } from './step-props';

export function NetworksStep({ data }: StepProps) {
  const { t } = useTranslation();
  const { control, register, formState } = useFormContext<LaunchFormValues>();
  const { fields, append, remove, move } = useFieldArray({ control, name: 'networks' });
  const entries = useWatch({ control, name: 'networks' });
  const networks = useUsableNetworks();
  const ports = usePorts();
  const freePorts = (ports.data ?? []).filter(isFreePort);
  const networkName = (id: string) => networks.data?.find((network) => network.id === id)?.name ?? id;
  const errors = formState.errors.networks;

  if (networks.isPending) return <LoadingState label={t('launch-instance.networks.loading')} />;
  if (networks.error) return <ErrorNotice error={networks.error} onRetry={() => void networks.refetch()} />;

  return (
    <div className="space-y-3">
      {fields.length === 0 && <p className="text-sm text-fg-muted">{t('launch-instance.networks.empty')}</p>}
      <ol className="space-y-2" data-testid="network-entries">
        {fields.map((field, index) => {
          const entry = entries[index] ?? field;
          const entryErrors = errors?.[index];
          const idField = `launch-network-${index}`;
          const ipField = `launch-fixed-ip-${index}`;
          const cidrs = data.context.subnets.filter((subnet) => subnet.network_id === entry.id).map((subnet) => subnet.cidr);
          return (
            <li key={field.id} className="rounded-md border border-line p-3" data-testid="network-entry">
              <div className="flex flex-wrap items-start gap-3">
                <span className="mt-2 w-6 text-sm font-semibold text-fg-muted" aria-hidden="true">
                  {index + 1}.
                </span>
                <div className="min-w-56 flex-1 space-y-1">
                  <label htmlFor={idField} className="block text-sm font-medium text-fg">
                    {t(entry.kind === 'port' ? 'launch-instance.networks.port' : 'launch-instance.networks.network', { position: index + 1 })}
                  </label>
                  <select
                    id={idField}
                    className={inputClass}
                    aria-invalid={entryErrors?.id ? true : undefined}
                    aria-describedby={describedBy(idField, { error: !!entryErrors?.id })}
                    {...register(`networks.${index}.id`)}
                  >
                    <option value="">{t('launch-instance.networks.choose')}</option>
                    {entry.kind === 'network'
                      ? networks.data.map((network) => (
                          <option key={network.id} value={network.id}>
                            {network.name || network.id}
                            {network['router:external'] ? ` (${t('launch-instance.networks.external')})` : network.shared ? ` (${t('launch-instance.networks.shared')})` : ''}
                          </option>
                        ))
                      : freePorts.map((port) => (
                          <option key={port.id} value={port.id}>
                            {`${port.name || port.id} — ${networkName(port.network_id)}${port.fixed_ips.length > 0 ? ` (${port.fixed_ips.map((ip) => ip.ip_address).join(', ')})` : ''}`}
                          </option>
                        ))}
                  </select>
                  <FieldError id={`${idField}-error`} message={entryErrors?.id?.message} />
                </div>
                {entry.kind === 'network' && (
                  <div className="min-w-48 flex-1 space-y-1">
                    <label htmlFor={ipField} className="block text-sm font-medium text-fg">
                      {t('launch-instance.networks.fixedIp')}
                    </label>
                    <input
                      id={ipField}
                      className={inputClass}
                      placeholder={t('launch-instance.networks.fixedIpPlaceholder')}
                      autoComplete="off"
                      aria-invalid={entryErrors?.fixedIp ? true : undefined}
                      aria-describedby={describedBy(ipField, { hint: true, error: !!entryErrors?.fixedIp })}
                      {...register(`networks.${index}.fixedIp`)}
                    />
                    <p id={`${ipField}-hint`} className="text-xs text-fg-muted">
                      {cidrs.length > 0 ? t('launch-instance.networks.subnets', { cidrs: cidrs.join(', ') }) : t('launch-instance.networks.fixedIpHint')}
                    </p>
                    <FieldError id={`${ipField}-error`} message={entryErrors?.fixedIp?.message} />
                  </div>
                )}
                <div className="mt-6 flex gap-1">
                  <Button variant="ghost" className="px-2" disabled={index === 0} onClick={() => move(index, index - 1)} aria-label={t('launch-instance.networks.moveUp', { position: index + 1 })}>
                    ↑
                  </Button>
                  <Button
                    variant="ghost"
                    className="px-2"
                    disabled={index === fields.length - 1}
                    onClick={() => move(index, index + 1)}
                    aria-label={t('launch-instance.networks.moveDown', { position: index + 1 })}
                  >
                    ↓
                  </Button>
                  <Button variant="ghost" className="px-2 text-danger" onClick={() => remove(index)} aria-label={t('launch-instance.networks.remove', { position: index + 1 })}>
                    ✕
                  </Button>
                </div>
              </div>
            </li>
          );
        })}
      </ol>
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => append({ kind: 'network', id: '', fixedIp: '' })} data-testid="add-network">
          {t('launch-instance.networks.addNetwork')}
        </Button>
        <Button onClick={() => append({ kind: 'port', id: '', fixedIp: '' })} disabled={ports.isPending || freePorts.length === 0} data-testid="add-port">
          {t('launch-instance.networks.addPort')}
        </Button>
        {!ports.isPending && freePorts.length === 0 && <span className="self-center text-xs text-fg-muted">{t('launch-instance.networks.noFreePorts')}</span>}
      </div>
      {ports.error && <ErrorNotice error={ports.error} onRetry={() => void ports.refetch()} />}
      <FieldError message={errors?.message ?? errors?.root?.message} />
      <p className="text-xs text-fg-muted">{t('launch-instance.networks.orderNote')}</p>
    </div>
  );
}
