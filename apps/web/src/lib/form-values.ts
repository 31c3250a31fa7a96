import { useState } from 'react';

/**
 * A form's values as typed, one string per field, and the binding of a field to its control:
 * `<TextField {...bind('email')} />` gives it its value and change handler. `onChange` runs on
 * every change (to clear a "saved" message, say).
 */
export function useFormValues<F extends string>(initial: Record<F, string>, onChange?: () => void) {
  const [values, setValues] = useState(initial);
  const bind = (name: F) => ({
    value: values[name],
    onChange: (event: { target: { value: string } }) => {
      onChange?.();
      setValues((current) => ({ ...current, [name]: event.target.value }));
    },
  });
  return { values, setValues, bind };
}
