// The guided create: the load balancer (VIP subnet or network, optional address, flavor and zone when Octavia offers
// them), then optionally its first listener, pool, members (the project's instances on the VIP's subnet, or any
// address) and health monitor. Each step is checked before the next opens; the review shows the quota impact and the
// commands and calls, which are then sent in order, each one waiting for the load balancer to leave PENDING_*
// (actions.ts). A refusal keeps everything as typed, and a retry resumes after what Octavia already accepted.
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { hasService } from '@contract/service-types';
import { ActionApiViews } from '../../../lib/actions/action-http-view';
import { useQuotaCheck } from '../../../lib/actions/quota-source';
import { answerTo } from '../../../lib/actions/run-action';
import { useActionSubmission } from '../../../lib/actions/use-action-runner';
import { projectTarget } from '../../../lib/actions/use-resource-actions';
import { useScope } from '../../../lib/scope';
import { Button } from '../../../lib/ui/button';
import { CheckboxField } from '../../../lib/ui/checkbox-field';
import { ErrorNotice } from '../../../lib/ui/error-notice';
import { StepList } from '../../../lib/ui/step-list';
import { QuotaImpact } from '../../../lib/ui/quota-impact';
import { SelectField } from '../../../lib/ui/select-field';
import { Spinner } from '../../../lib/ui/spinner';
import { TextField } from '../../../lib/ui/text-field';
import { useLoadBalancerCreateOptions } from '../../../resources/load-balancers/load-balancers';
import type { LoadBalancer } from '../../../resources/load-balancers/types';
import { watchLoadBalancer } from '../../../resources/load-balancers/watch';
import { useSubnets, useUsableNetworks } from '../../../resources/networks/networks';
import { createLoadBalancer, flowQuotaAdds, flowRequests } from '../actions';
import '../i18n';
import { emptyHealthMonitor, emptyListener, emptyMember, emptyPool, emptyFlow, type LoadBalancerDraft, type LoadBalancerFlow } from '../model/drafts';
import { flowProblems, flowSteps, poolProtocolsFor, type CheckContext, type FlowStep, type Problem } from '../model/validation';
import { MemberFields, useInstanceAddresses } from './member-fields';
import { HealthMonitorFields, ListenerFields, PoolFields, useProblemText } from './part-fields';

function LoadBalancerStep({ value, onChange, problems, subnets }: { value: LoadBalancerDraft; onChange: (value: LoadBalancerDraft) => void; problems: readonly Problem[]; subnets: readonly { id: string; label: string; networkId: string }[] }) {
  const { t } = useTranslation();
  const error = useProblemText(problems);
  const networks = useUsableNetworks();
  const options = useLoadBalancerCreateOptions();
  const set = (change: Partial<LoadBalancerDraft>) => onChange({ ...value, ...change });
  return (
    <div className="grid gap-3 sm:grid-cols-2" data-testid="lb-fields">
      <TextField label={t('load-balancers.fields.name')} value={value.name} onChange={(name) => set({ name })} testId="lb-name" />
      <TextField label={t('load-balancers.fields.description')} value={value.description} onChange={(description) => set({ description })} testId="lb-description" />
      <SelectField
        label={t('load-balancers.create.vipKind')}
        value={value.vipKind}
        onChange={(vipKind) => set({ vipKind: vipKind === 'network' ? 'network' : 'subnet' })}
        options={[
          { value: 'subnet', label: t('load-balancers.create.vipBySubnet') },
          { value: 'network', label: t('load-balancers.create.vipByNetwork') },
        ]}
        testId="lb-vip-kind"
      />
      {value.vipKind === 'subnet' ? (
        <SelectField
          label={t('load-balancers.create.vipSubnet')}
          value={value.vipSubnetId}
          onChange={(vipSubnetId) => set({ vipSubnetId })}
          placeholder={t('load-balancers.create.chooseSubnet')}
          options={subnets.map((subnet) => ({ value: subnet.id, label: subnet.label }))}
          error={error('vipSubnetId')}
          testId="lb-vip-subnet"
        />
      ) : (
        <SelectField
          label={t('load-balancers.create.vipNetwork')}
          value={value.vipNetworkId}
          onChange={(vipNetworkId) => set({ vipNetworkId })}
          placeholder={t('load-balancers.create.chooseNetwork')}
          options={(networks.data ?? []).map((network) => ({ value: network.id, label: network.name || network.id }))}
          error={error('vipNetworkId')}
          testId="lb-vip-network"
        />
      )}
      {value.vipKind === 'subnet' && (
        <TextField
          label={t('load-balancers.create.vipAddress')}
          value={value.vipAddress}
          onChange={(vipAddress) => set({ vipAddress })}
          placeholder={t('load-balancers.create.vipAddressAny')}
          error={error('vipAddress')}
          testId="lb-vip-address"
        />
      )}
      {(options.data?.flavors.length ?? 0) > 0 && (
        <SelectField
          label={t('load-balancers.fields.flavor')}
          value={value.flavorId}
          onChange={(flavorId) => set({ flavorId })}
          placeholder={t('load-balancers.create.defaultChoice')}
          options={(options.data?.flavors ?? []).map((flavor) => ({ value: flavor.id, label: flavor.name }))}
          testId="lb-flavor"
        />
      )}
      {(options.data?.availabilityZones.length ?? 0) > 0 && (
        <SelectField
          label={t('load-balancers.fields.availabilityZone')}
          value={value.availabilityZone}
          onChange={(availabilityZone) => set({ availabilityZone })}
          placeholder={t('load-balancers.create.defaultChoice')}
          options={(options.data?.availabilityZones ?? []).map((zone) => ({ value: zone.id, label: zone.name }))}
          testId="lb-zone"
        />
      )}
    </div>
  );
}

function Optional({ label, checked, onChange, testId, children }: { label: string; checked: boolean; onChange: (checked: boolean) => void; testId: string; children: React.ReactNode }) {
  return (
    <div className="space-y-3">
      <CheckboxField label={label} checked={checked} onChange={onChange} testId={testId} />
      {checked && children}
    </div>
  );
}

export function CreateLoadBalancerPage() {
  const { t } = useTranslation();
  const scope = useScope();
  const navigate = useNavigate();
  const [flow, setFlow] = useState<LoadBalancerFlow>(emptyFlow);
  const [step, setStep] = useState<FlowStep>('loadBalancer');
  /** Steps the user tried to leave: their problems show from then on. */
  const [checked, setChecked] = useState<ReadonlySet<FlowStep>>(new Set());
  const heading = useRef<HTMLHeadingElement>(null);

  const networks = useUsableNetworks();
  const subnets = useSubnets((networks.data ?? []).map((network) => network.id), { enabled: networks.isSuccess });
  const context = useMemo<CheckContext>(() => ({ subnets: subnets.data ?? [], keyManager: hasService(scope.services, 'key-manager') }), [subnets.data, scope.services]);
  const subnetChoices = (subnets.data ?? []).map((subnet) => {
    const network = networks.data?.find((candidate) => candidate.id === subnet.network_id);
    return { id: subnet.id, networkId: subnet.network_id, label: `${network?.name || subnet.network_id} · ${subnet.name || subnet.id} (${subnet.cidr})` };
  });
  const vipSubnet = subnetChoices.find((subnet) => subnet.id === flow.loadBalancer.vipSubnetId);
  const vipNetworkId = flow.loadBalancer.vipKind === 'subnet' ? (vipSubnet?.networkId ?? '') : flow.loadBalancer.vipNetworkId;
  const instances = useInstanceAddresses(vipNetworkId, flow.loadBalancer.vipKind === 'subnet' ? flow.loadBalancer.vipSubnetId : '');

  const problems = flowProblems(flow, context);
  const shown = (target: FlowStep) => (checked.has(target) ? problems[target] : []);
  const project = projectTarget(scope);
  const input = { draft: flow, context };
  const submission = useActionSubmission(createLoadBalancer);
  const adds = flowQuotaAdds(flow);
  const quota = useQuotaCheck('load-balancer', adds);
  const stepIndex = flowSteps.indexOf(step);
  const createdId = answerTo<{ loadbalancer: LoadBalancer }>(submission.accepted, flowRequests(flow)[0]!)?.loadbalancer.id;

  const show = (next: FlowStep) => {
    setStep(next);
    window.requestAnimationFrame(() => heading.current?.focus());
  };
  /** Forward only through steps without problems; back at once. */
  const goTo = (target: FlowStep) => {
    const targetIndex = flowSteps.indexOf(target);
    for (let index = stepIndex; index < targetIndex; index++) {
      const current = flowSteps[index]!;
      setChecked((previous) => new Set(previous).add(current));
      if (problems[current].length > 0) {
        if (current !== step) show(current);
        return;
      }
    }
    show(target);
  };

  const submit = async () => {
    setChecked(new Set(flowSteps));
    const invalid = flowSteps.find((candidate) => problems[candidate].length > 0);
    if (invalid) return show(invalid);
    if (quota.over) return;
    const outcome = await submission.submit(project, input);
    quota.refresh();
    const created = answerTo<{ loadbalancer: LoadBalancer }>(outcome.accepted, flowRequests(flow)[0]!);
    if (created) watchLoadBalancer(created.loadbalancer.id);
    if (outcome.status === 'succeeded' && created) void navigate(`/load-balancers/${created.loadbalancer.id}`);
  };

  const setListener = (on: boolean) =>
    setFlow({ ...flow, listener: on ? emptyListener() : null });
  const setPool = (on: boolean) =>
    setFlow({ ...flow, pool: on ? emptyPool(flow.listener ? poolProtocolsFor[flow.listener.protocol][0] : 'HTTP') : null });

  const body = () => {
    switch (step) {
      case 'loadBalancer':
        return <LoadBalancerStep value={flow.loadBalancer} onChange={(loadBalancer) => setFlow({ ...flow, loadBalancer })} problems={shown('loadBalancer')} subnets={subnetChoices} />;
      case 'listener':
        return (
          <Optional label={t('load-balancers.create.withListener')} checked={flow.listener !== null} onChange={setListener} testId="with-listener">
            {flow.listener && (
              <ListenerFields value={flow.listener} onChange={(listener) => setFlow({ ...flow, listener })} problems={shown('listener')} keyManager={context.keyManager} />
            )}
          </Optional>
        );
      case 'pool':
        return (
          <Optional label={t('load-balancers.create.withPool')} checked={flow.pool !== null} onChange={setPool} testId="with-pool">
            {flow.pool && <PoolFields value={flow.pool} onChange={(pool) => setFlow({ ...flow, pool })} problems={shown('pool')} />}
          </Optional>
        );
      case 'members':
        if (!flow.pool) return <p className="text-sm text-fg-muted">{t('load-balancers.create.needsPool')}</p>;
        return (
          <div className="space-y-3">
            {flow.members.length === 0 && <p className="text-sm text-fg-muted" data-testid="no-members">{t('load-balancers.create.noMembers')}</p>}
            {flow.members.map((member, index) => (
              <div key={index} className="rounded-md border border-line p-3" data-testid="member-draft">
                <MemberFields
                  value={member}
                  onChange={(changed) => setFlow({ ...flow, members: flow.members.map((other, at) => (at === index ? changed : other)) })}
                  problems={shown('members')}
                  prefix={`members.${index}.`}
                  instances={instances}
                />
                <Button variant="ghost" className="mt-2" onClick={() => setFlow({ ...flow, members: flow.members.filter((_, at) => at !== index) })} data-testid="remove-member">
                  {t('load-balancers.create.removeMember')}
                </Button>
              </div>
            ))}
            <Button onClick={() => setFlow({ ...flow, members: [...flow.members, { ...emptyMember(), port: flow.listener?.port ?? '80' }] })} data-testid="add-member">
              {t('load-balancers.actions.add-member.label')}
            </Button>
          </div>
        );
      case 'healthMonitor':
        if (!flow.pool) return <p className="text-sm text-fg-muted">{t('load-balancers.create.needsPool')}</p>;
        return (
          <Optional
            label={t('load-balancers.create.withMonitor')}
            checked={flow.healthMonitor !== null}
            onChange={(on) => setFlow({ ...flow, healthMonitor: on ? emptyHealthMonitor(flow.pool?.protocol === 'UDP' ? 'UDP-CONNECT' : 'HTTP') : null })}
            testId="with-monitor"
          >
            {flow.healthMonitor && <HealthMonitorFields value={flow.healthMonitor} onChange={(healthMonitor) => setFlow({ ...flow, healthMonitor })} problems={shown('healthMonitor')} />}
          </Optional>
        );
      case 'review':
        return (
          <div className="space-y-3" data-testid="lb-review">
            <ul className="space-y-1 text-sm">
              <li>{t('load-balancers.create.summary.loadBalancer', { name: flow.loadBalancer.name || '—', vip: vipSubnet?.label ?? flow.loadBalancer.vipNetworkId })}</li>
              {flow.listener && <li>{t('load-balancers.create.summary.listener', { protocol: flow.listener.protocol, port: flow.listener.port })}</li>}
              {flow.pool && <li>{t('load-balancers.create.summary.pool', { protocol: flow.pool.protocol, algorithm: t(`load-balancers.algorithms.${flow.pool.algorithm}`), count: flow.members.length })}</li>}
              {flow.pool && flow.healthMonitor && <li>{t('load-balancers.create.summary.monitor', { type: flow.healthMonitor.type, delay: flow.healthMonitor.delay, timeout: flow.healthMonitor.timeout })}</li>}
            </ul>
            <p className="text-sm text-fg-muted">{t('load-balancers.create.order')}</p>
            {quota.figures && <QuotaImpact figures={quota.figures} adds={adds} />}
            {quota.over && <p className="text-sm text-danger">{t('quota.impact.blocked')}</p>}
            <ActionApiViews commands={createLoadBalancer.cli(project, input)} requests={() => createLoadBalancer.request(project, input)} accepted={submission.accepted} />
          </div>
        );
    }
  };

  return (
    <div className="max-w-6xl px-6 py-6" data-testid="create-load-balancer-page">
      <div className="mb-5">
        <h1 className="text-xl font-semibold text-fg">{t('load-balancers.create.title')}</h1>
        <p className="mt-1 text-sm text-fg-muted">{t('load-balancers.create.subtitle', { project: scope.projectName, region: scope.region })}</p>
      </div>
      <div className="grid gap-6 lg:grid-cols-[13rem_minmax(0,1fr)]">
        <StepList
          steps={flowSteps}
          current={step}
          label={t('load-balancers.create.steps')}
          testId="lb-steps"
          name={(candidate) => t(`load-balancers.create.stepNames.${candidate}`)}
          problemsHint={t('load-balancers.create.stepHasErrors')}
          state={(candidate) => {
            const invalid = checked.has(candidate) && problems[candidate].length > 0;
            return { invalid, done: checked.has(candidate) && !invalid && candidate !== step, disabled: submission.pending };
          }}
          onSelect={goTo}
        />
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (step === 'review') void submit();
            else goTo(flowSteps[stepIndex + 1]!);
          }}
          className="min-w-0 rounded-xl border border-line bg-surface p-5 shadow-sm"
          aria-labelledby="lb-step-title"
        >
          <h2 id="lb-step-title" ref={heading} tabIndex={-1} className="mb-4 text-lg font-semibold text-fg outline-none">
            {t(`load-balancers.create.stepNames.${step}`)}
          </h2>
          {body()}
          {shown(step).length > 0 && (
            <p role="status" className="mt-3 text-sm text-danger" data-testid="step-problems">
              {t('load-balancers.create.fixStep')}
            </p>
          )}
          {submission.error !== null && (
            <div className="mt-4 space-y-2" data-testid="create-refused">
              {createdId && (
                <p className="text-sm">
                  {t('load-balancers.create.partlyDone')}{' '}
                  <Link to={`/load-balancers/${createdId}`} className="text-brand hover:underline">
                    {t('load-balancers.create.openCreated')}
                  </Link>
                </p>
              )}
              <ErrorNotice error={submission.error} />
            </div>
          )}
          <div className="mt-6 flex flex-wrap items-center gap-2 border-t border-line pt-4">
            <Link to="/load-balancers" className="mr-auto text-sm font-medium text-brand hover:underline">
              {t('load-balancers.create.cancel')}
            </Link>
            {stepIndex > 0 && (
              <Button onClick={() => show(flowSteps[stepIndex - 1]!)} disabled={submission.pending} data-testid="flow-back">
                {t('load-balancers.create.back')}
              </Button>
            )}
            {step === 'review' ? (
              <Button type="submit" variant="primary" disabled={submission.pending || quota.over} data-testid="flow-create">
                {submission.pending && <Spinner />}
                {submission.pending ? t('load-balancers.create.sending') : t('load-balancers.actions.create.label')}
              </Button>
            ) : (
              <Button type="submit" variant="primary" data-testid="flow-next">
                {t('load-balancers.create.next')}
              </Button>
            )}
          </div>
        </form>
      </div>
    </div>
  );
}
