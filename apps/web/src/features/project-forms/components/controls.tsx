import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useProjectRecord, type Project } from '../api/records';
import { SelectField, TextAreaField, TextField, type Choices } from '../../../components/fields';
import { useFieldText } from './field-text';
import { RecordLoading, type RecordForm } from './record-form';

/** One text-like control (input or textarea) of a form, labelled, with its hint and error. */
export function TextControl<F extends string>({
  form,
  field,
  label,
  type = 'text',
  multiline = false,
  hint,
  money = false,
}: {
  form: RecordForm<F>;
  field: F;
  label: string;
  type?: string;
  multiline?: boolean;
  hint?: string;
  money?: boolean;
}) {
  const { t } = useTranslation();
  const text = useFieldText(form);
  const frame = { label, error: text(field), hint: money ? t('projectForms.moneyHint') : hint };
  const bound = {
    ref: form.fieldRef(field),
    value: form.values[field] ?? '',
    onChange: (event: { target: { value: string } }) => form.setValue(field, event.target.value),
  };
  return multiline ? (
    <TextAreaField {...frame} {...bound} />
  ) : (
    <TextField {...frame} {...bound} type={type} inputMode={money ? 'decimal' : undefined} />
  );
}

/**
 * A labelled select of a form; `options` are [value, label] pairs, after an empty "choose" option
 * unless `chooseOption` is false (a status that always has a value).
 */
export function SelectControl<F extends string>({
  form,
  field,
  label,
  options,
  hint,
  chooseOption = true,
  onChange,
}: {
  form: RecordForm<F>;
  field: F;
  label: string;
  options: Choices;
  hint?: string;
  chooseOption?: boolean;
  /** Called after the value is set, for choices that other fields depend on. */
  onChange?: (value: string) => void;
}) {
  const { t } = useTranslation();
  const text = useFieldText(form);
  return (
    <SelectField
      label={label}
      error={text(field)}
      hint={hint}
      ref={form.fieldRef(field)}
      value={form.values[field] ?? ''}
      onChange={(event) => {
        form.setValue(field, event.target.value);
        onChange?.(event.target.value);
      }}
      emptyChoice={chooseOption ? t('projectForms.choose') : undefined}
      choices={options}
    />
  );
}

/** Loads the project of the route, then renders the form for it. */
export function WithProject({ children }: { children: (project: Project) => ReactNode }) {
  const { projectId = '' } = useParams();
  const project = useProjectRecord(projectId);
  if (!project.data) return <RecordLoading failed={project.isError} />;
  return <>{children(project.data)}</>;
}
