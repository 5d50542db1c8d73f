import type { FormInstance } from 'antd';

type FieldName = Array<string | number>;

/** The fields showing a server's error, with the value each had when the error came. */
const reported = new WeakMap<FormInstance, Array<{ name: FieldName; value: string }>>();

const snapshot = (value: unknown): string => JSON.stringify(value) ?? 'undefined';

/** Remembers that the server rejected these fields of `form` with their current values. */
export function rememberServerErrors(form: FormInstance, names: FieldName[]): void {
  reported.set(
    form,
    names.map((name) => ({ name, value: snapshot(form.getFieldValue(name)) })),
  );
}

/**
 * Clears the server's error of every field whose value changed since. antd re-validates a changed
 * field only by its own rules, so without this an error on a field the client has no rule for (a
 * code already taken, a date the server refused) stays until the next submission.
 */
export function clearStaleServerErrors(form: FormInstance): void {
  const fields = reported.get(form);
  if (!fields) return;
  const stale = fields.filter((field) => snapshot(form.getFieldValue(field.name)) !== field.value);
  if (stale.length === 0) return;
  reported.set(
    form,
    fields.filter((field) => !stale.includes(field)),
  );
  // A field with rules is validated by them right after this change, so its own errors come back.
  form.setFields(stale.map((field) => ({ name: field.name, errors: [] })));
}
