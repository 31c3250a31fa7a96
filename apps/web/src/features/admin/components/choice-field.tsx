import { useId, type ReactNode, type SelectHTMLAttributes } from 'react';

/** A labelled native select with an error tied to it (aria-describedby, aria-invalid). */
export function ChoiceField({
  label,
  error,
  children,
  ...select
}: Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'children'> & {
  label: string;
  error?: string;
  children: ReactNode;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
      <select
        {...select}
        id={id}
        className="field__input"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      >
        {children}
      </select>
    </div>
  );
}
