// Requests as OpenStack receives them, in the order they are sent: method and endpoint URL, the headers that matter,
// the JSON body, and each one's curl command to copy (the token left to `$OS_TOKEN`).
import { useTranslation } from 'react-i18next';
import { curlCommand, tokenVariable, type HttpExchange } from '../api/http-exchange';
import { CopyButton } from './copy-button';

/** Where the curl commands' token comes from: said once under a group of exchanges. */
export function TokenHint() {
  const { t } = useTranslation();
  return <p className="text-xs text-fg-muted">{t('http.tokenHint', { variable: tokenVariable })}</p>;
}

export function HttpExchangeView({
  exchanges,
  testId = 'http-exchange',
  tokenHint = true,
}: {
  exchanges: readonly HttpExchange[];
  testId?: string;
  /** False where a list of views says it once for all (TokenHint). */
  tokenHint?: boolean;
}) {
  const { t } = useTranslation();
  if (exchanges.length === 0) {
    return (
      <p className="text-sm text-fg-muted" data-testid={testId}>
        {t('http.none')}
      </p>
    );
  }
  return (
    <div className="space-y-2" data-testid={testId}>
      <ol className="space-y-2">
        {exchanges.map((exchange, index) => (
          <li key={index} className="rounded-md border border-line bg-sunken" data-testid={`${testId}-request`}>
            <div className="flex items-start justify-between gap-2 border-b border-line px-3 py-2">
              <p className="min-w-0 font-mono text-xs leading-relaxed break-all text-fg">
                {exchanges.length > 1 && (
                  <span className="mr-2 font-sans text-fg-muted">{t('http.step', { index: index + 1, count: exchanges.length })}</span>
                )}
                <span className="font-semibold" data-testid={`${testId}-method`}>
                  {exchange.method}
                </span>{' '}
                <span data-testid={`${testId}-url`}>{exchange.url}</span>
              </p>
              <CopyButton
                text={curlCommand(exchange)}
                label={t('http.copyCurl')}
                className="shrink-0"
                testId={`${testId}-copy-curl`}
              />
            </div>
            <pre
              tabIndex={0}
              aria-label={t('http.headersAndBody', { method: exchange.method, url: exchange.url })}
              className="max-h-80 overflow-auto px-3 py-2 font-mono text-xs leading-relaxed break-all whitespace-pre-wrap text-fg"
              data-testid={`${testId}-text`}
            >
              {exchange.headers.map(([name, value]) => `${name}: ${value}`).join('\n')}
              {exchange.body !== undefined && `\n\n${exchange.body}`}
            </pre>
          </li>
        ))}
      </ol>
      {tokenHint && <TokenHint />}
    </div>
  );
}
