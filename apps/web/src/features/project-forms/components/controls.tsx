import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useProjectRecord, type Project } from '../api/records';
import { Field } from './field';
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
  return (
    <Field label={label} error={text(field)} hint={money ? t('projectForms.moneyHint') : hint}>
      {(control) =>
        multiline ? (
          <textarea
            {...control}
            ref={form.fieldRef(field)}
            value={form.values[field]}
            onChange={(event) => form.setValue(field, event.target.value)}
          />
        ) : (
          <input
            {...control}
            ref={form.fieldRef(field)}
            type={type}
            inputMode={money ? 'decimal' : undefined}
            value={form.values[field]}
            onChange={(event) => form.setValue(field, event.target.value)}
          />
        )
      }
    </Field>
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
  options: ReadonlyArray<readonly [string, string]>;
  hint?: string;
  chooseOption?: boolean;
  /** Called after the value is set, for choices that other fields depend on. */
  onChange?: (value: string) => void;
}) {
  const { t } = useTranslation();
  const text = useFieldText(form);
  return (
    <Field label={label} error={text(field)} hint={hint}>
      {(control) => (
        <select
          {...control}
          ref={form.fieldRef(field)}
          value={form.values[field]}
          onChange={(event) => {
            form.setValue(field, event.target.value);
            onChange?.(event.target.value);
          }}
        >
          {chooseOption && <option value="">{t('projectForms.choose')}</option>}
          {options.map(([value, optionLabel]) => (
            <option key={value} value={value}>
              {optionLabel}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Loads the project of the route, then renders the form for it. */
export function WithProject({ children }: { children: (project: Project) => ReactNode }) {
  const { projectId = '' } = useParams();
  const project = useProjectRecord(projectId);
  if (!project.data) return <RecordLoading failed={project.isError} />;
  return <>{children(project.data)}</>;
}
