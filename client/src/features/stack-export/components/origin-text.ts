// How the page names the resource a part of the template comes from ("instance web (3ad3…)"), and what it says of
// each thing the template does not re-create as it is: the reasons are the generator's, the words the catalog's.
import type { ParseKeys } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeftOut, Origin } from '../snapshot';

export function useOriginText(): (origin: Origin) => string {
  const { t } = useTranslation();
  return useCallback(
    (origin: Origin) => {
      const kind = t(`stack-export.kinds.${origin.kind}`);
      if (!origin.name) return t('stack-export.origin.nameless', { kind, id: origin.id });
      if (!origin.id || origin.id === origin.name) return t('stack-export.origin.idless', { kind, name: origin.name });
      return t('stack-export.origin.full', { kind, name: origin.name, id: origin.id });
    },
    [t],
  );
}

/** The catalog key of a left-out item: two reasons read differently without their detail. */
export function leftOutKey({ reason, detail }: LeftOut): ParseKeys {
  if (reason === 'volumeData' && detail) return 'stack-export.leftOut.volumeDataFromImage';
  if (reason === 'foreignNetwork' && !detail) return 'stack-export.leftOut.foreignNetworkUnused';
  return `stack-export.leftOut.${reason}`;
}
