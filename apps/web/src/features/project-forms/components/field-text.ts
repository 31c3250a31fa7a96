import { useProblemText } from '../../../lib/form-problems';
import type { RecordForm } from './record-form';

/** The error text of one field of a form, in the active language. */
export function useFieldText<F extends string>(form: RecordForm<F>) {
  const text = useProblemText();
  return (field: F) => text(form.problems?.fields[field]);
}
