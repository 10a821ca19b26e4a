// The session's catalog: every service (type and name) with its endpoints in every region and interface, filtered
// by region and interface. The URLs are where the CLI's and Zenith's requests really go.
import type { CatalogResponse } from '@contract/catalog';
import clsx from 'clsx';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inputClass } from '../../../lib/ui/form-controls';
import { catalogGroups, catalogRegions, type CatalogFilter } from '../catalog';
import { CopyButton } from '../../../lib/ui/copy-button';

const interfaces = ['public', 'internal', 'admin'] as const;

export function CatalogTable({ catalog }: { catalog: CatalogResponse }) {
  const { t } = useTranslation();
  const regionId = useId();
  const interfaceId = useId();
  const [filter, setFilter] = useState<CatalogFilter>({ region: '', interface: '' });
  const regions = catalogRegions(catalog.entries);
  const groups = catalogGroups(catalog.entries, filter);
  const endpointCount = groups.reduce((count, group) => count + group.endpoints.length, 0);

  return (
    <div data-testid="catalog">
      <div className="mb-3 flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor={regionId} className="block text-sm font-medium text-fg">
            {t('api-access.catalog.region')}
          </label>
          <select id={regionId} value={filter.region} onChange={(event) => setFilter({ ...filter, region: event.target.value })} className={clsx(inputClass, 'mt-1 w-48')} data-testid="catalog-region-filter">
            <option value="">{t('api-access.catalog.allRegions')}</option>
            {regions.map((region) => (
              <option key={region} value={region}>
                {region === catalog.region ? t('api-access.catalog.currentRegion', { region }) : region}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={interfaceId} className="block text-sm font-medium text-fg">
            {t('api-access.catalog.interface')}
          </label>
          <select id={interfaceId} value={filter.interface} onChange={(event) => setFilter({ ...filter, interface: event.target.value })} className={clsx(inputClass, 'mt-1 w-48')} data-testid="catalog-interface-filter">
            <option value="">{t('api-access.catalog.allInterfaces')}</option>
            {interfaces.map((name) => (
              <option key={name} value={name}>
                {name === catalog.interface ? t('api-access.catalog.currentInterface', { name }) : name}
              </option>
            ))}
          </select>
        </div>
        <p className="pb-2 text-sm text-fg-muted" aria-live="polite" data-testid="catalog-count">
          {t('api-access.catalog.count', { services: groups.length, count: endpointCount })}
        </p>
      </div>
      <div className="overflow-x-auto rounded-lg border border-line bg-surface">
        <table className="w-full border-collapse text-sm" aria-label={t('api-access.catalog.table')}>
          <thead>
            <tr className="border-b border-line bg-sunken/60 text-left text-xs font-medium text-fg-muted">
              <th scope="col" className="px-3 py-2">{t('api-access.catalog.columns.region')}</th>
              <th scope="col" className="px-3 py-2">{t('api-access.catalog.columns.interface')}</th>
              <th scope="col" className="px-3 py-2">{t('api-access.catalog.columns.url')}</th>
              <th scope="col" className="px-3 py-2"><span className="sr-only">{t('api-access.catalog.columns.copy')}</span></th>
            </tr>
          </thead>
          {groups.length === 0 && (
            <tbody>
              <tr>
                <td colSpan={4} className="px-3 py-6 text-center text-fg-muted">
                  {t('api-access.catalog.empty')}
                </td>
              </tr>
            </tbody>
          )}
          {groups.map((group) => (
            <tbody key={`${group.type}/${group.name}`} data-testid="catalog-service" data-service-type={group.type}>
              <tr className="border-b border-line bg-sunken/30">
                <th scope="rowgroup" colSpan={4} className="px-3 py-2 text-left">
                  <span className="font-semibold text-fg" data-testid="catalog-service-type">{group.type}</span>
                  <span className="ml-2 font-normal text-fg-muted" data-testid="catalog-service-name">{group.name}</span>
                </th>
              </tr>
              {group.endpoints.map((endpoint) => {
                const current = endpoint.region === catalog.region && endpoint.interface === catalog.interface;
                return (
                  <tr
                    key={endpoint.id}
                    className={clsx('border-b border-line last:border-b-0', current && 'bg-brand-soft/40')}
                    data-testid="catalog-endpoint"
                    data-service-type={group.type}
                    data-service-name={group.name}
                    data-region={endpoint.region ?? ''}
                    data-interface={endpoint.interface}
                  >
                    <td className="px-3 py-1.5 whitespace-nowrap">{endpoint.region ?? '—'}</td>
                    <td className="px-3 py-1.5 whitespace-nowrap">
                      {endpoint.interface}
                      {current && <span className="ml-2 text-xs text-fg-muted">{t('api-access.catalog.used')}</span>}
                    </td>
                    <td className="px-3 py-1.5 font-mono text-xs break-all" data-testid="catalog-endpoint-url">
                      {endpoint.url}
                    </td>
                    <td className="px-3 py-1.5 text-right">
                      <CopyButton text={endpoint.url} className="shrink-0" ariaLabel={t('api-access.catalog.copyUrl', { type: group.type, region: endpoint.region ?? '', iface: endpoint.interface })} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          ))}
        </table>
      </div>
    </div>
  );
}
