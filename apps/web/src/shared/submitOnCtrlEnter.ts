import type { FormInstance } from 'antd';
import type { KeyboardEvent } from 'react';

/** In a multi-line field Enter starts a new line, so Ctrl+Enter (⌘+Enter) submits the form instead. */
export function submitOnCtrlEnter(form: FormInstance) {
  return (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.submit();
    }
  };
}
