// What every step of the launch wizard receives from the page, in a file of its own so the steps need not import
// the page that renders them.
import type { LaunchStep } from '../../model/launch-form';
import type { LaunchData } from '../use-launch-data';

export interface StepProps {
  data: LaunchData;
  goTo: (step: LaunchStep) => void;
}
