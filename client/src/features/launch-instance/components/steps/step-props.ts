import type { LaunchStep } from '../../model/launch-form';
import type { LaunchData } from '../use-launch-data';

/** What the wizard gives each step: the cloud's data and a way to jump to another step. */
export interface StepProps {
  data: LaunchData;
  goTo: (step: LaunchStep) => void;
}
