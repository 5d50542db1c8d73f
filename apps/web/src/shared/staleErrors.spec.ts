import { describe, expect, it } from '@jest/globals';
import type { FormInstance } from 'antd';
import { clearStaleServerErrors, rememberServerErrors } from './staleErrors';

type Name = Array<string | number>;

/** The part of an antd form these functions use, over a plain values object. */
function aForm(values: Record<string, unknown>) {
  const errors = new Map<string, string[]>();
  const at = (name: Name) => name.reduce<unknown>((value, key) => (value as Record<string, unknown>)?.[key], values);
  const form = {
    getFieldValue: (name: Name) => at(name),
    setFields: (fields: Array<{ name: Name; errors: string[] }>) => {
      for (const field of fields) errors.set(field.name.join('.'), field.errors);
    },
  };
  return { form: form as unknown as FormInstance, values, errors };
}

describe('server errors on a form', () => {
  it('leave a field once its value changes, and only that field', () => {
    const { form, values, errors } = aForm({ code: 'JB-1', milestones: [{ title: '样机' }] });
    form.setFields([
      { name: ['code'], errors: ['已被占用'] },
      { name: ['milestones', 0, 'title'], errors: ['重复'] },
    ]);
    rememberServerErrors(form, [['code'], ['milestones', 0, 'title']]);

    clearStaleServerErrors(form);
    expect(errors.get('code')).toEqual(['已被占用']);

    values.code = 'JB-2';
    clearStaleServerErrors(form);
    expect(errors.get('code')).toEqual([]);
    expect(errors.get('milestones.0.title')).toEqual(['重复']);

    values.milestones = [{ title: '中试' }];
    clearStaleServerErrors(form);
    expect(errors.get('milestones.0.title')).toEqual([]);
  });

  it('stay when the value is changed back and forth to the one the server refused', () => {
    const { form, values, errors } = aForm({ budget: 300 });
    form.setFields([{ name: ['budget'], errors: ['超出上限'] }]);
    rememberServerErrors(form, [['budget']]);
    values.budget = 300;
    clearStaleServerErrors(form);
    expect(errors.get('budget')).toEqual(['超出上限']);
  });
});
