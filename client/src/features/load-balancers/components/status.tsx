// Octavia's two statuses as lib/ui's status dots: provisioning (is Octavia working on it) and operating (what the
// health checks say; OFFLINE with no-op drivers).
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { StatusDot } from '../../../lib/ui/status-dot';
import { operatingTone, provisioningTone } from '../../../resources/load-balancers/state';

export function ProvisioningBadge({ status, testId = 'provisioning-status' }: { status: string; testId?: string }) {
  const { t } = useTranslation();
  return <StatusDot status={status} tone={provisioningTone(status)} label={t(`load-balancers.provisioning.${status}` as ParseKeys, { defaultValue: status })} testId={testId} />;
}

export function OperatingBadge({ status, testId = 'operating-status' }: { status: string; testId?: string }) {
  const { t } = useTranslation();
  return <StatusDot status={status} tone={operatingTone(status)} label={t(`load-balancers.operating.${status}` as ParseKeys, { defaultValue: status })} testId={testId} />;
}
