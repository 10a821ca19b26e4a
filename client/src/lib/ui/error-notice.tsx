// The one way errors are shown: what went wrong in the service's own words, which service said it, and the
// request ids (copyable) an operator needs to find the call in the cloud's logs and in Zenith's.
import clsx from 'clsx';
import { useTranslation } from 'react-i18next';
import { ApiError, isServiceUnavailable } from '../api/api-error';
import { useServiceName, useServiceProductName } from '../openstack/service-names';
import { Button } from './button';
import { CopyButtonContent, useClipboardCopy } from './copy-button';
import { AlertIcon, RefreshIcon } from './icons';

type ErrorKind =
  | 'network'
  | 'badRequest'
  | 'unauthorized'
  | 'forbidden'
  | 'notFound'
  | 'conflict'
  | 'tooLarge'
  | 'unavailable'
  | 'zenithUnavailable'
  | 'server'
  | 'generic';

function errorKind(error: unknown): ErrorKind {
  if (!(error instanceof ApiError)) return 'generic';
  if (isServiceUnavailable(error)) return 'unavailable';
  // The BFF's session store is away (Redis restarting): whatever service the call was for, it never reached it.
  if (error.code === 'session_store_unavailable') return 'zenithUnavailable';
  const { status } = error;
  if (status === 0) return 'network';
  if (status === 400) return 'badRequest';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'notFound';
  if (status === 409) return 'conflict';
  if (status === 413) return 'tooLarge';
  if (status >= 500) return 'server';
  return 'generic';
}

function CopyRequestId({ requestId, label }: { requestId: string; label: string }) {
  const { copied, copy } = useClipboardCopy();
  return (
    <button
      type="button"
      onClick={() => copy(requestId)}
      className="inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium text-danger hover:bg-danger-line/60"
      aria-label={label}
    >
      <CopyButtonContent copied={copied} />
    </button>
  );
}

function RequestId({ label, copyLabel, requestId, testId }: { label: string; copyLabel: string; requestId: string; testId: string }) {
  return (
    <div className="pt-0.5 text-xs text-fg-muted">
      <div className="flex items-center gap-2">
        <span>{label}</span>
        <CopyRequestId requestId={requestId} label={copyLabel} />
      </div>
      <code data-testid={testId} className="block font-mono text-[11px] break-all text-fg select-all">
        {requestId}
      </code>
    </div>
  );
}

/** The request ids of a failed call, each copyable: the service's, and the BFF's when it is another. */
export function RequestIds({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!(error instanceof ApiError)) return null;
  return (
    <>
      {error.requestId && (
        <RequestId label={t('errors.requestId')} copyLabel={t('errors.copyRequestId')} requestId={error.requestId} testId="error-request-id" />
      )}
      {/* The BFF's id is also the service's global request id: it joins this notice, the BFF's log and the service's. */}
      {error.zenithRequestId && error.zenithRequestId !== error.requestId && (
        <RequestId
          label={t('errors.zenithRequestId')}
          copyLabel={t('errors.copyZenithRequestId')}
          requestId={error.zenithRequestId}
          testId="error-zenith-request-id"
        />
      )}
    </>
  );
}

export function ErrorNotice({
  error,
  onRetry,
  className,
}: {
  error: unknown;
  onRetry?: () => void;
  className?: string;
}) {
  const { t } = useTranslation();
  const serviceName = useServiceName();
  const productName = useServiceProductName();
  const apiError = error instanceof ApiError ? error : undefined;
  const kind = errorKind(error);
  const message =
    kind === 'network'
      ? t('errors.networkMessage')
      : (error instanceof Error && error.message) || t('errors.unknownMessage');

  return (
    <div
      role="alert"
      data-testid="error-notice"
      className={clsx('rounded-md border border-danger-line bg-danger-soft px-3 py-2.5 text-sm text-fg', className)}
    >
      <div className="flex gap-2">
        <AlertIcon className="mt-0.5 size-4 shrink-0 text-danger" />
        <div className="min-w-0 flex-1 space-y-1">
          <p data-testid="error-title" className="font-semibold text-danger">
            {kind === 'unavailable' && apiError
              ? t('errors.title.unavailable', { service: productName(apiError.service) })
              : t(`errors.title.${kind}`)}
            {apiError && apiError.status > 0 && (
              <span className="font-normal">
                {' · '}
                {apiError.service === 'zenith' || kind === 'zenithUnavailable' ? 'HTTP' : serviceName(apiError.service)} {apiError.status}
              </span>
            )}
          </p>
          <p data-testid="error-message" className="break-words">
            {message}
          </p>
          {kind === 'unavailable' && <p className="text-fg-muted">{t('errors.unavailableHint')}</p>}
          <RequestIds error={error} />
        </div>
        {onRetry && (
          <Button variant="ghost" onClick={onRetry} className="shrink-0 self-start px-2 py-1 text-xs">
            <RefreshIcon className="size-3.5" />
            {t('common.retry')}
          </Button>
        )}
      </div>
    </div>
  );
}
