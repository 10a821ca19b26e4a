import { describe, expect, it } from 'vitest';
import type { TemplateValidation, ValidatedParameter } from '../../../resources/stacks/types';
import { initialValues, parameterProblem, parameterProblems, parameterSections, parametersToSend, sameValue } from './parameters';

const base = { NoEcho: 'false', Description: '', Label: '' } as const;
const param = (schema: Partial<ValidatedParameter> & Pick<ValidatedParameter, 'Type'>): ValidatedParameter => ({ ...base, ...schema });

// As Heat's POST /validate answered for a template with every type and constraint (see the e2e cloud).
const validation: Pick<TemplateValidation, 'Parameters' | 'ParameterGroups'> = {
  Parameters: {
    net_name: param({ Type: 'String', Default: 'net1', MinLength: 3, MaxLength: 10, AllowedPattern: '[a-z0-9-]+', ConstraintDescription: 'Between 3 and 10 chars lower case' }),
    size: param({ Type: 'Number', Default: 1, MinValue: 1, MaxValue: 5 }),
    flavor: param({ Type: 'String', CustomConstraint: 'nova.flavor' }),
    pw: param({ Type: 'String', NoEcho: 'true' }),
    kind: param({ Type: 'String', Default: 'a', Value: 'b', AllowedValues: ['a', 'b'] }),
    flag: param({ Type: 'Boolean', Default: false }),
    lst: param({ Type: 'CommaDelimitedList', Default: 'x,y' }),
    js: param({ Type: 'Json', Default: { a: 1 } }),
  },
  ParameterGroups: [{ label: 'Network', description: 'net stuff', parameters: ['net_name', 'unknown'] }],
};

describe('template parameters as a form', () => {
  it('orders the groups first, then the parameters no group names', () => {
    expect(parameterSections(validation)).toEqual([
      { label: 'Network', description: 'net stuff', names: ['net_name'] },
      { names: ['size', 'flavor', 'pw', 'kind', 'flag', 'lst', 'js'] },
    ]);
  });

  it('starts each field with what Heat would use, hidden ones empty', () => {
    expect(initialValues(validation, { size: '3' })).toEqual({
      net_name: 'net1',
      size: '3',
      flavor: '',
      pw: '',
      kind: 'b',
      flag: 'false',
      lst: 'x,y',
      js: '{"a":1}',
    });
  });

  it('checks Heat’s constraints, the template’s description first', () => {
    const schema = validation.Parameters;
    expect(parameterProblem(schema.net_name!, 'ab', true)).toEqual({ code: 'length', min: 3, max: 10 });
    expect(parameterProblem(schema.net_name!, 'ABCD', true)).toEqual({ code: 'pattern', pattern: '[a-z0-9-]+' });
    expect(parameterProblem(schema.net_name!, 'abc-1', true)).toBeNull();
    expect(parameterProblem(schema.size!, 'six', true)).toEqual({ code: 'notANumber' });
    expect(parameterProblem(schema.size!, '6', true)).toEqual({ code: 'range', min: 1, max: 5 });
    expect(parameterProblem(schema.kind!, 'c', true)).toEqual({ code: 'allowedValues', values: 'a, b' });
    expect(parameterProblem(schema.js!, '{a:', true)).toMatchObject({ code: 'notJson' });
    expect(parameterProblems(validation, initialValues(validation))).toEqual({ flavor: { code: 'required' }, pw: { code: 'required' } });
  });

  it('sends only what differs from what Heat would use anyway', () => {
    const values = { ...initialValues(validation), flavor: 'm1.tiny', pw: 'secret', size: '1.0', flag: 'true', js: '{ "a": 1 }' };
    expect(parametersToSend(validation, values)).toEqual({ flavor: 'm1.tiny', pw: 'secret', flag: 'true' });
    // On update, against the stack's current values as Heat reports them.
    const current = { net_name: 'net1', size: '1', flavor: 'm1.tiny', pw: '******', kind: 'b', flag: 'False', lst: 'x, y', js: '{"a": 1}' };
    expect(parametersToSend(validation, { ...values, flag: 'false', pw: '' }, current)).toEqual({});
    expect(sameValue(validation.Parameters.lst!, 'x,y', ' x , y')).toBe(true);
  });
});
