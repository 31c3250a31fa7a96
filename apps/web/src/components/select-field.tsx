import { useId, type ReactNode, type SelectHTMLAttributes } from 'react';

export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'children'> {
  label: string;
  /** The <option> and <optgroup> elements. */
  children: ReactNode;
}

/** A labelled native select (a real <label>), styled like the text fields. */
export function SelectField({ label, className, children, ...select }: SelectFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <select {...select} id={id} className={className ? `field__input ${className}` : 'field__input'}>
        {children}
      </select>
    </div>
  );
}
