// The launch wizard: one form across seven steps, each checked before the next opens, a summary with the
// equivalent command line, then POST /servers. Going back never loses input; a failed launch keeps everything.
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useRef, useState } from 'react';
import { FormProvider, useForm, useWatch, type FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useScope } from '../../../lib/scope';
import { Button } from '../../../lib/ui/button';
import { ErrorNotice } from '../../../lib/ui/error-notice';
import { StepList } from '../../../lib/ui/step-list';
import { Spinner } from '../../../lib/ui/spinner';
import { useCreateServer } from '../api/create-server';
import '../i18n';
import {
  initialLaunchValues,
  launchFormSchema,
  minimumSnapshotVolumeSizeGiB,
  launchSteps,
  stepFields,
  toServerCreateChoices,
  type LaunchContext,
  type LaunchFormValues,
  type LaunchStep,
} from '../model/launch-form';
import { AccessStep } from './steps/access-step';
import { ConfigurationStep } from './steps/configuration-step';
import { DetailsStep } from './steps/details-step';
import { FlavorStep } from './steps/flavor-step';
import { NetworksStep } from './steps/networks-step';
import { SourceStep } from './steps/source-step';
import type { StepProps } from './steps/step-props';
import { SummaryStep } from './steps/summary-step';
import { useLaunchData } from './use-launch-data';

const emptyContext: LaunchContext = { flavors: [], images: new Map(), volumes: new Map(), volumeSnapshots: new Map(), subnets: [] };

const stepComponents: Record<LaunchStep, (props: StepProps) => React.ReactNode> = {
  details: DetailsStep,
  source: SourceStep,
  flavor: FlavorStep,
  networks: NetworksStep,
  access: AccessStep,
  configuration: ConfigurationStep,
  summary: SummaryStep,
};

export function LaunchInstancePage() {
  const { t } = useTranslation();
  const scope = useScope();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const [defaultValues] = useState(() =>
    initialLaunchValues({
      imageId: search.get('image') ?? undefined,
      volumeId: search.get('volume') ?? undefined,
      volumeSnapshotId: search.get('volumeSnapshot') ?? undefined,
    }),
  );
  // The schema checks the values against what the cloud said (quota, flavors, images, subnets), which arrives
  // after the form exists: the resolver reads the latest schema when it runs.
  const schema = useRef(launchFormSchema(emptyContext, t));
  const form = useForm<LaunchFormValues>({
    defaultValues,
    mode: 'onChange',
    resolver: (values, context, options) => zodResolver(schema.current)(values, context, options),
  });
  const networks = useWatch({ control: form.control, name: 'networks' });
  const networkIds = useMemo(() => networks.filter((entry) => entry.kind === 'network' && entry.id).map((entry) => entry.id), [networks]);
  const data = useLaunchData(networkIds);
  useEffect(() => {
    schema.current = launchFormSchema(data.context, t);
    // What the user already typed is checked again against what just arrived (the quota for a count typed
    // early, the subnets for a fixed IP typed as soon as the network was chosen).
    const edited = (Object.keys(form.getValues()) as (keyof LaunchFormValues)[]).filter((name) => {
      const state = form.getFieldState(name);
      return state.isDirty || state.invalid;
    });
    if (edited.length > 0) void form.trigger(edited);
  }, [data.context, t, form]);

  // `?image=<id>` may name an instance snapshot (an image too): start from the snapshot source then.
  const preselectedImage = search.get('image');
  const preselectedImageType = preselectedImage ? data.context.images.get(preselectedImage)?.image_type : undefined;
  useEffect(() => {
    if (preselectedImage && preselectedImageType === 'snapshot' && form.getValues('imageId') === preselectedImage) {
      form.setValue('sourceKind', 'snapshot');
      form.setValue('snapshotId', preselectedImage);
      form.setValue('imageId', '');
    }
  }, [form, preselectedImage, preselectedImageType]);

  // `?volumeSnapshot=<id>`: the new volume starts at the snapshot's size once the snapshot is known.
  const preselectedVolumeSnapshot = search.get('volumeSnapshot');
  const preselectedSnapshotSize = preselectedVolumeSnapshot ? data.context.volumeSnapshots.get(preselectedVolumeSnapshot)?.size : undefined;
  useEffect(() => {
    if (preselectedSnapshotSize === undefined || form.getFieldState('volumeSizeGiB').isDirty) return;
    const minimum = minimumSnapshotVolumeSizeGiB({ size: preselectedSnapshotSize });
    if (form.getValues('volumeSizeGiB') < minimum) form.setValue('volumeSizeGiB', minimum);
  }, [form, preselectedSnapshotSize]);

  const [step, setStep] = useState<LaunchStep>('details');
  const [reached, setReached] = useState(0);
  const [invalidSteps, setInvalidSteps] = useState<ReadonlySet<LaunchStep>>(new Set());
  const heading = useRef<HTMLHeadingElement>(null);
  const createServer = useCreateServer();
  const stepIndex = launchSteps.indexOf(step);

  const show = (next: LaunchStep) => {
    setStep(next);
    setReached((current) => Math.max(current, launchSteps.indexOf(next)));
    // Move focus to the new step's title, so keyboard and screen reader users start there.
    window.requestAnimationFrame(() => heading.current?.focus());
  };

  const validate = async (target: LaunchStep) => {
    const valid = await form.trigger(stepFields[target], { shouldFocus: true });
    setInvalidSteps((current) => {
      const next = new Set(current);
      if (valid) next.delete(target);
      else next.add(target);
      return next;
    });
    return valid;
  };

  /** Forward only through valid steps; back (or to a step already valid) at once. */
  const goTo = async (target: LaunchStep) => {
    const targetIndex = launchSteps.indexOf(target);
    for (let index = stepIndex; index < targetIndex; index++) {
      const current = launchSteps[index]!;
      if (!(await validate(current))) {
        if (current !== step) show(current);
        return;
      }
    }
    show(target);
  };

  const launch = (values: LaunchFormValues) => {
    createServer.mutate(toServerCreateChoices(values, data.context), { onSuccess: () => void navigate('/instances') });
  };
  const showFirstInvalidStep = (errors: FieldErrors<LaunchFormValues>) => {
    // A later change (quota, flavors) can invalidate an earlier step: show the first step holding an error.
    const first = launchSteps.find((candidate) => stepFields[candidate].some((field) => field in errors));
    if (first) show(first);
  };

  const Step = stepComponents[step];
  return (
    <div className="max-w-6xl px-6 py-6">
      <div className="mb-5">
        <h1 className="text-xl font-semibold text-fg">{t('launch-instance.title')}</h1>
        <p className="mt-1 text-sm text-fg-muted">{t('launch-instance.subtitle', { project: scope.projectName, region: scope.region })}</p>
      </div>
      <div className="grid gap-6 lg:grid-cols-[13rem_minmax(0,1fr)]">
        <StepList
          steps={launchSteps}
          current={step}
          label={t('launch-instance.stepsLabel')}
          testId="launch-steps"
          name={(candidate) => t(`launch-instance.steps.${candidate}`)}
          problemsHint={t('launch-instance.stepHasErrors')}
          state={(candidate, index) => {
            const invalid = invalidSteps.has(candidate);
            return { invalid, done: index < reached && !invalid && candidate !== step, disabled: index > reached + 1 || createServer.isPending };
          }}
          onSelect={(candidate) => void goTo(candidate)}
        />
        <FormProvider {...form}>
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              if (step === 'summary') void form.handleSubmit(launch, showFirstInvalidStep)(event);
              else void goTo(launchSteps[stepIndex + 1]!);
            }}
            className="min-w-0 rounded-xl border border-line bg-surface p-5 shadow-sm"
            aria-labelledby="launch-step-title"
          >
            <h2 id="launch-step-title" ref={heading} tabIndex={-1} className="text-lg font-semibold text-fg outline-none">
              {t(`launch-instance.steps.${step}`)}
              <span className="ml-2 text-sm font-normal text-fg-muted">
                {t('launch-instance.stepOf', { step: stepIndex + 1, total: launchSteps.length })}
              </span>
            </h2>
            <p className="mt-1 mb-4 text-sm text-fg-muted">{t(`launch-instance.stepHelp.${step}`)}</p>
            <Step data={data} goTo={(target) => void goTo(target)} />
            {createServer.error && <ErrorNotice error={createServer.error} className="mt-4" />}
            <div className="mt-6 flex flex-wrap items-center gap-2 border-t border-line pt-4">
              <Link to="/instances" className="mr-auto text-sm font-medium text-brand hover:underline">
                {t('launch-instance.cancel')}
              </Link>
              {stepIndex > 0 && (
                <Button onClick={() => show(launchSteps[stepIndex - 1]!)} disabled={createServer.isPending} data-testid="wizard-back">
                  {t('launch-instance.back')}
                </Button>
              )}
              {step === 'summary' ? (
                <Button type="submit" variant="primary" disabled={createServer.isPending} data-testid="wizard-launch">
                  {createServer.isPending && <Spinner />}
                  {t('launch-instance.launch', { count: form.getValues('count') })}
                </Button>
              ) : (
                <Button type="submit" variant="primary" data-testid="wizard-next">
                  {t('launch-instance.next')}
                </Button>
              )}
            </div>
          </form>
        </FormProvider>
      </div>
    </div>
  );
}
