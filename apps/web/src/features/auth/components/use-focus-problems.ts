import { useEffect, useRef } from 'react';
import type { FormProblems } from './problems';

/**
 * After a failed submit, focus goes where the problem is: to the alert when the whole form failed
 * (wrong password, too many attempts), else to the first field with an error, whose error is read
 * with it. Runs after the render that shows the messages, so they are there to be read. Each
 * submit makes a new problems object, so the same problem twice still moves focus.
 *
 * `fields` is the form's fields in page order (a constant); give each input `ref={fieldRef(name)}`
 * and the alert `ref={alertRef}`.
 */
export function useFocusProblems<F extends string>(problems: FormProblems<F> | null, fields: readonly F[]) {
  const alertRef = useRef<HTMLDivElement>(null);
  const inputs = useRef(new Map<F, HTMLInputElement>());
  useEffect(() => {
    if (!problems) return;
    if (problems.form) {
      alertRef.current?.focus();
      return;
    }
    const first = fields.find((field) => (problems.fields[field]?.length ?? 0) > 0);
    if (first) inputs.current.get(first)?.focus();
  }, [problems, fields]);
  const fieldRef = (field: F) => (element: HTMLInputElement | null) => {
    if (element) inputs.current.set(field, element);
    else inputs.current.delete(field);
  };
  return { alertRef, fieldRef };
}
