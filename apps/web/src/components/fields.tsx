import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';

/**
 * The web app's one family of form fields: a text input, a text area and a select, each inside
 * the same labelled frame. The label is a real <label>; the hint and the error are tied to the
 * control with aria-describedby, and aria-invalid marks a control with an error, so a screen
 * reader says all of it when the control gets focus (as it does after a failed submit).
 */
export interface FieldFrameProps {
  label: string;
  /** Help shown under the label and read with the control. */
  hint?: string;
  /** The problem with the value, shown next to the control and read with it; the control is then marked invalid. */
  error?: string;
}

/** What a control needs to be tied to its label, hint and error. */
export interface ControlProps {
  id: string;
  className: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** The labelled frame: label, hint and error, and the control that `children` renders with `ControlProps`. */
export function LabelledField({
  label,
  hint,
  error,
  className,
  children,
}: FieldFrameProps & {
  /** Added to the control's own class (field__input). */
  className?: string;
  children: (control: ControlProps) => ReactNode;
}) {
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
      {children({
        id,
        className: className ? `field__input ${className}` : 'field__input',
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy,
      })}
    </div>
  );
}

/** The attributes the frame sets itself. */
type FramedAttributes = 'id' | 'aria-invalid' | 'aria-describedby' | 'children';

export type TextFieldProps = FieldFrameProps &
  Omit<InputHTMLAttributes<HTMLInputElement>, FramedAttributes> & { ref?: Ref<HTMLInputElement> };

/** A labelled input with its hint and error. */
export function TextField({ label, hint, error, className, ref, ...input }: TextFieldProps) {
  return (
    <LabelledField label={label} hint={hint} error={error} className={className}>
      {(control) => <input {...input} {...control} ref={ref} />}
    </LabelledField>
  );
}

export type TextAreaFieldProps = FieldFrameProps &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, FramedAttributes> & { ref?: Ref<HTMLTextAreaElement> };

/** A labelled text area with its hint and error. */
export function TextAreaField({ label, hint, error, className, ref, ...textarea }: TextAreaFieldProps) {
  return (
    <LabelledField label={label} hint={hint} error={error} className={className}>
      {(control) => <textarea {...textarea} {...control} ref={ref} />}
    </LabelledField>
  );
}

/** A select's choices as [value, label] pairs, in order. */
export type Choices = ReadonlyArray<readonly [value: string, label: string]>;

export type SelectFieldProps = FieldFrameProps &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, FramedAttributes> & {
    ref?: Ref<HTMLSelectElement>;
    /** The choices; `children` may give <option> and <optgroup> elements instead (or after them). */
    choices?: Choices;
    /** The label of a first, empty choice ("all", "choose…"), when there is one. */
    emptyChoice?: string;
    children?: ReactNode;
  };

/** A labelled native select with its hint and error. */
export function SelectField({
  label,
  hint,
  error,
  className,
  ref,
  choices = [],
  emptyChoice,
  children,
  ...select
}: SelectFieldProps) {
  return (
    <LabelledField label={label} hint={hint} error={error} className={className}>
      {(control) => (
        <select {...select} {...control} ref={ref}>
          {emptyChoice !== undefined && <option value="">{emptyChoice}</option>}
          {choices.map(([value, choiceLabel]) => (
            <option key={value} value={value}>
              {choiceLabel}
            </option>
          ))}
          {children}
        </select>
      )}
    </LabelledField>
  );
}
