// The template's parameters as a typed form, built from Heat's validation answer: a field per type (text, number,
// checkbox, JSON, comma-separated list), a password field for hidden ones, a select for allowed values, a chooser
// of real resources for custom constraints Zenith can list, grouped as the template's parameter_groups say. A value
// that breaks a constraint is said under its field, in the template's own constraint description when it has one.
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { CheckboxField } from '../../../lib/ui/checkbox-field';
import { describedBy, Field, inputClass } from '../../../lib/ui/form-controls';
import { SelectField } from '../../../lib/ui/select-field';
import { TextField } from '../../../lib/ui/text-field';
import type { TemplateValidation, ValidatedParameter } from '../../../resources/stacks/types';
import { fieldText, isHidden, parameterSections, type ParameterProblem, type ParameterValues } from '../model/parameters';
import { constraintPickers } from './constraint-pickers';

export function problemText(problem: ParameterProblem, schema: ValidatedParameter, t: TFunction): string {
  if (problem.code === 'required') return t('stack-launch.parameters.problems.required');
  if (problem.code === 'notANumber') return t('stack-launch.parameters.problems.notANumber');
  if (problem.code === 'notJson') return t('stack-launch.parameters.problems.notJson', { detail: problem.detail });
  // The template's words for its constraints first: they say what the value is for.
  if (schema.ConstraintDescription) return schema.ConstraintDescription;
  return constraintText(problem, t);
}

function bounds(min: number | undefined, max: number | undefined, t: TFunction, unit: 'range' | 'length'): string {
  if (min !== undefined && max !== undefined) return t(`stack-launch.parameters.bounds.${unit}.between`, { min, max });
  if (min !== undefined) return t(`stack-launch.parameters.bounds.${unit}.atLeast`, { min });
  return t(`stack-launch.parameters.bounds.${unit}.atMost`, { max });
}

function constraintText(problem: Exclude<ParameterProblem, { code: 'required' | 'notANumber' | 'notJson' }>, t: TFunction): string {
  switch (problem.code) {
    case 'range':
      return bounds(problem.min, problem.max, t, 'range');
    case 'length':
      return bounds(problem.min, problem.max, t, 'length');
    case 'pattern':
      return t('stack-launch.parameters.problems.pattern', { pattern: problem.pattern });
    case 'allowedValues':
      return t('stack-launch.parameters.problems.allowedValues', { values: problem.values });
  }
}

/** What the field's hint says of the constraints, before anything is typed. */
function constraintSummary(schema: ValidatedParameter, t: TFunction): string[] {
  const parts: string[] = [];
  if (schema.MinValue !== undefined || schema.MaxValue !== undefined) parts.push(bounds(schema.MinValue, schema.MaxValue, t, 'range'));
  if (schema.MinLength !== undefined || schema.MaxLength !== undefined) parts.push(bounds(schema.MinLength, schema.MaxLength, t, 'length'));
  if (schema.AllowedPattern !== undefined) parts.push(t('stack-launch.parameters.problems.pattern', { pattern: schema.AllowedPattern }));
  if (schema.Type === 'CommaDelimitedList') parts.push(t('stack-launch.parameters.listHint'));
  return parts;
}

function PasswordField({ label, value, onChange, hint, error, testId }: {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: string;
  testId: string;
}) {
  const id = useId();
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        type="password"
        autoComplete="new-password"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className={inputClass}
        aria-describedby={describedBy(id, { hint: hint !== undefined, error: error !== undefined })}
        aria-invalid={error !== undefined}
        data-testid={testId}
      />
    </Field>
  );
}

function ParameterField({
  name,
  schema,
  value,
  onChange,
  error,
  current,
}: {
  name: string;
  schema: ValidatedParameter;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  /** On update: the stack's current value, said in the hint. */
  current?: string;
}) {
  const { t } = useTranslation();
  const testId = `parameter-${name}`;
  const label = (
    <>
      {schema.Label || name}
      {schema.Label && schema.Label !== name && <span className="ml-2 font-mono text-xs font-normal text-fg-muted">{name}</span>}
    </>
  );
  const hintParts = [
    schema.Description,
    ...constraintSummary(schema, t),
    isHidden(schema) ? t(current !== undefined ? 'stack-launch.parameters.hiddenKeep' : 'stack-launch.parameters.hiddenHint') : undefined,
    current !== undefined && !isHidden(schema) ? t('stack-launch.parameters.current', { value: current }) : undefined,
  ].filter(Boolean);
  const hint = hintParts.length > 0 ? hintParts.join(' · ') : undefined;
  const field = { label, value, onChange, hint, error, testId };

  if (isHidden(schema)) return <PasswordField {...field} />;
  if (schema.Type === 'Boolean') {
    return (
      <CheckboxField
        label={schema.Label || name}
        hint={hint}
        checked={value === 'true'}
        onChange={(checked) => onChange(checked ? 'true' : 'false')}
        testId={testId}
      />
    );
  }
  if (schema.AllowedValues && schema.Type !== 'CommaDelimitedList') {
    const options = schema.AllowedValues.map((allowed) => fieldText(schema, allowed)).map((text) => ({ value: text, label: text }));
    return <SelectField {...field} options={options} placeholder={t('stack-launch.parameters.choose')} />;
  }
  const Picker = schema.CustomConstraint && schema.Type === 'String' ? constraintPickers[schema.CustomConstraint] : undefined;
  if (Picker) return <Picker key={schema.CustomConstraint} {...field} />;
  return (
    <TextField
      {...field}
      multiline={schema.Type === 'Json'}
      inputMode={schema.Type === 'Number' ? 'numeric' : undefined}
      maxLength={100_000}
    />
  );
}

export function ParametersForm({
  validation,
  values,
  onChange,
  problems,
  current,
}: {
  validation: Pick<TemplateValidation, 'Parameters' | 'ParameterGroups'>;
  values: ParameterValues;
  onChange: (name: string, value: string) => void;
  /** The problems to show now (the page decides when a required field's emptiness is worth saying). */
  problems: Readonly<Record<string, ParameterProblem>>;
  current?: ParameterValues;
}) {
  const { t } = useTranslation();
  const sections = parameterSections(validation);
  if (sections.length === 0) return <p className="text-sm text-fg-muted">{t('stack-launch.parameters.none')}</p>;
  return (
    <div className="space-y-4" data-testid="parameters-form">
      {sections.map((section, index) => (
        <fieldset key={section.label ?? `section-${index}`} className="space-y-3" data-testid="parameter-group">
          {(section.label || sections.length > 1) && (
            <legend className="mb-1 text-sm font-semibold text-fg">{section.label ?? t('stack-launch.parameters.otherGroup')}</legend>
          )}
          {section.description && <p className="text-xs text-fg-muted">{section.description}</p>}
          {section.names.map((name) => {
            const schema = validation.Parameters[name]!;
            const problem = problems[name];
            return (
              <ParameterField
                key={name}
                name={name}
                schema={schema}
                value={values[name] ?? ''}
                onChange={(value) => onChange(name, value)}
                error={problem ? problemText(problem, schema, t) : undefined}
                current={current?.[name]}
              />
            );
          })}
        </fieldset>
      ))}
    </div>
  );
}
