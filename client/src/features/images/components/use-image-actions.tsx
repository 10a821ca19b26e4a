// The image actions as a page offers them. The image (and its members) are read again after every attempt, so a
// refusal caused by a stale page shows the current state next to Glance's message.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useResourceActions } from '../../../lib/actions/use-resource-actions';
import { useScope } from '../../../lib/scope';
import { imageActions } from '../actions';
import { imageKeys } from '../../../resources/images/images';
import { imageMemberKeys } from '../../../resources/images/members';
import type { ImageRecord } from '../../../resources/images/types';

const identify = (image: ImageRecord) => ({ id: image.id, name: image.name ?? image.id });

export function useImageActions() {
  const scope = useScope();
  const queryClient = useQueryClient();
  const onAttempted = useCallback(() => {
    for (const keys of [imageKeys, imageMemberKeys]) void queryClient.invalidateQueries({ queryKey: keys.all(scope) });
  }, [queryClient, scope]);
  return useResourceActions<ImageRecord>({ actions: imageActions, identify, onAttempted });
}
