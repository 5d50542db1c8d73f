import { Form, type FormInstance } from 'antd';
import { useEffect } from 'react';

/**
 * A Form.List's own rules (a count, a total) run only on submit; once the list shows an error,
 * every change of its items checks them again, so the error leaves as soon as the list is right.
 */
export function useFreshListErrors(form: FormInstance, name: string): void {
  const items: unknown = Form.useWatch(name, form);
  useEffect(() => {
    if (form.getFieldError(name).length > 0) form.validateFields([name]).catch(() => undefined);
  }, [form, name, items]);
}
