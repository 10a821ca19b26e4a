// The image actions as a page offers them: menu items with the reason an action is unavailable, a dialog for
// those needing input or confirmation, the failures to show; the image (and its members) are read again after
// every attempt, so a refusal caused by a stale page shows the current state next to Glance's message.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionDialog } from '../../../lib/actions/action-dialog';
import type { AnyActionDeclaration } from '../../../lib/actions/types';
import { useActionRunner } from '../../../lib/actions/use-action-runner';
import { useScope } from '../../../lib/scope';
import type { MenuItem } from '../../../lib/ui/menu';
import { imageKeys } from '../api/images';
import { imageMemberKeys } from '../api/members';
import type { ImageRecord } from '../types';

const identify = (image: ImageRecord) => ({ id: image.id, name: image.name ?? image.id });

export function useImageActions() {
  const { t } = useTranslation();
  const scope = useScope();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<{ action: AnyActionDeclaration<ImageRecord>; images: ImageRecord[] } | null>(null);

  const onAttempted = useCallback(() => {
    for (const keys of [imageKeys, imageMemberKeys]) void queryClient.invalidateQueries({ queryKey: keys.all(scope) });
  }, [queryClient, scope]);
  const runner = useActionRunner<ImageRecord>({ identify, onAttempted });

  const trigger = useCallback(
    (action: AnyActionDeclaration<ImageRecord>, images: ImageRecord[]) => {
      if (action.input || action.confirmation || images.length > 1) setDialog({ action, images });
      else void runner.run(action, images, undefined);
    },
    [runner],
  );

  const menuItems = (image: ImageRecord, actions: readonly AnyActionDeclaration<ImageRecord>[]): MenuItem[] =>
    actions.map((action) => {
      const reason = action.unavailableReason(image);
      return {
        id: action.id,
        label: t(action.label),
        unavailableReason: reason ? t(reason) : null,
        destructive: action.confirmation?.destructive,
        onSelect: () => trigger(action, [image]),
      };
    });

  const dialogElement = dialog && (
    <ActionDialog
      action={dialog.action}
      resources={dialog.images}
      nameOf={(image) => image.name ?? image.id}
      run={runner.run}
      onClose={() => setDialog(null)}
    />
  );

  return { menuItems, trigger, dialogElement, failures: runner.failures, dismissFailure: runner.dismiss };
}
