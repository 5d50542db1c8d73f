import { Form, type FormInstance, type FormProps } from 'antd';
import type { ReactNode } from 'react';
import { clearStaleServerErrors } from './staleErrors';

/** An antd form whose server-reported field errors leave as soon as the field's value changes. */
export function ProblemForm<Values>({
  form,
  onValuesChange,
  ...props
}: Omit<FormProps<Values>, 'children'> & { children?: ReactNode; form: FormInstance<Values> }) {
  return (
    <Form<Values>
      form={form}
      {...props}
      onValuesChange={(changed, values) => {
        clearStaleServerErrors(form);
        onValuesChange?.(changed, values);
      }}
    />
  );
}
