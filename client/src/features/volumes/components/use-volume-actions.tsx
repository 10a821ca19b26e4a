// The volume actions as the list and the detail page offer them: each attempt marks the volume pending, so the page
// polls that one volume until Cinder's answer, read after the write, says it has settled.
import { useCallback } from 'react';
import type { ActionSummary } from '../../../lib/actions/use-action-runner';
import { useResourceActions } from '../../../lib/actions/use-resource-actions';
import { watchVolume } from '../../../resources/volumes/volume-watch';
import type { Volume } from '../../../resources/volumes/types';
import { identifyVolume, volumeActions } from '../actions';

export function useVolumeActions() {
  const onAttempted = useCallback((volume: Volume, action: ActionSummary<Volume>) => watchVolume(volume.id, action.done), []);
  return useResourceActions<Volume>({ actions: volumeActions, identify: identifyVolume, onAttempted });
}
