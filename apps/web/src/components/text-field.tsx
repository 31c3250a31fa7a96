import { useId, type InputHTMLAttributes, type Ref } from 'react';

export interface TextFieldProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'aria-invalid' | 'aria-describedby' | 'children'
> {
  label: string;
  /** Help shown under the label and read with the field. */
  hint?: string;
  /** The problem with the value, shown next to the field and read with it; the field is then marked invalid. */
  error?: string;
  ref?: Ref<HTMLInputElement>;
}

/**
 * A labelled input with its hint and error. The label is a real <label>; the hint and the error
 * are tied to the input with aria-describedby, and aria-invalid marks a field with an error, so
 * a screen reader says all of it when the field gets focus (as it does after a failed submit).
 */
export function TextField({ label, hint, error, ref, className, ...input }: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
      <input
        {...input}
        ref={ref}
        id={id}
        className={className ? `field__input ${className}` : 'field__input'}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
    </div>
  );
}
