import { useTranslation } from 'react-i18next';
import { canonicalServiceType } from '@contract/service-types';

const namedServices = ['compute', 'network', 'block-storage', 'image', 'orchestration', 'identity', 'placement', 'load-balancer', 'key-manager', 'zenith'] as const;
type NamedService = (typeof namedServices)[number];

function isNamed(type: string): type is NamedService {
  return (namedServices as readonly string[]).includes(type);
}

/** The human name of a service type ("Block storage" for volumev3); unknown types are shown as they are. */
export function useServiceName() {
  const { t } = useTranslation();
  return (type: string) => {
    const canonical = canonicalServiceType(type);
    return isNamed(canonical) ? t(`services.${canonical}`) : type;
  };
}

/** The service's name with its OpenStack project's ("Networking (Neutron)"), for saying which one is away. */
export function useServiceProductName() {
  const { t } = useTranslation();
  return (type: string) => {
    const canonical = canonicalServiceType(type);
    return isNamed(canonical) ? t(`serviceProducts.${canonical}`) : type;
  };
}
