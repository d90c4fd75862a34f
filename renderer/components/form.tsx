import { type ReactNode, useId, useState } from 'react';
import type { FieldError, FieldValues, Path, UseFormReturn } from 'react-hook-form';
import type { AppError } from '../../shared/errors';
import { formatDateTable, isRealIsoDate, parseDisplayDate } from '../../shared/khmer';
import type { Permission } from '../../shared/users';
import { type I18n, useI18n } from '../i18n';
import { useCan, useRole } from '../users/roles';

// A field error's message is an error code (from the shared zod schemas) or, for a refusal that came
// back from the main process, the code with its parameters as JSON.
export function encodeError(error: AppError): string {
  return JSON.stringify({ code: error.code, params: error.params ?? {} });
}

export function errorSentence(i18n: I18n, message: string | undefined): string {
  let code = message ?? 'validation';
  let params: Record<string, string | number> = {};
  if (code.startsWith('{')) {
    const decoded = JSON.parse(code) as { code: string; params: Record<string, string | number> };
    code = decoded.code;
    params = decoded.params;
  }
  const date = params.date;
  if (typeof date === 'string' && isRealIsoDate(date)) params = { ...params, date: i18n.date(date) };
  const errors = i18n.t.errors as Record<string, string>;
  // Account codes are written as the chart writes them, in Latin digits, in every language.
  const { code: accountCode, ...rest } = params;
  const verbatim: Record<string, string> = accountCode === undefined ? {} : { code: String(accountCode) };
  return i18n.format(errors[code] ?? errors.validation ?? code, rest, verbatim);
}

/**
 * Puts a refusal from the main process beside the field it names; anything without a field (or an
 * unexpected failure) goes to the form's banner instead. Returns the banner text, if any.
 */
export function showRefusal<T extends FieldValues>(
  form: UseFormReturn<T>,
  error: AppError,
  fields: readonly string[],
  i18n: I18n,
): string {
  if (error.field && fields.includes(error.field)) {
    form.setError(
      error.field as Path<T>,
      { type: 'server', message: encodeError(error) },
      { shouldFocus: true },
    );
    return i18n.t.formHasErrors;
  }
  return error.code === 'unexpected' ? i18n.t.errors.unexpected : errorSentence(i18n, encodeError(error));
}

interface FieldProps {
  label: string;
  error?: FieldError | undefined;
  required?: boolean;
  hint?: string;
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
}

/** A labelled input with its error sentence, which names the field in the user's language. */
export function Field({ label, error, required, hint, children }: FieldProps) {
  const i18n = useI18n();
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="required"> *</span> : null}
      </label>
      {children({ id, 'aria-invalid': Boolean(error), ...(error ? { 'aria-describedby': errorId } : {}) })}
      {hint && !error ? <div className="hint">{hint}</div> : null}
      {error ? (
        <div className="field-error" id={errorId} role="alert">
          {label}: {errorSentence(i18n, error.message)}
        </div>
      ) : null}
    </div>
  );
}

/**
 * A date typed as DD/MM/YYYY (Latin or Khmer digits). The form holds ISO 'YYYY-MM-DD' when the text is
 * a real date and the raw text otherwise, which the shared schema then refuses as 'date_invalid'.
 */
export function DateInput(props: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  onBlur: () => void;
  'aria-invalid': boolean;
  'aria-describedby'?: string;
}) {
  const i18n = useI18n();
  const shown = (value: string) => (isRealIsoDate(value) ? formatDateTable(value, 'latin') : value);
  const [text, setText] = useState(() => shown(props.value));
  const [lastValue, setLastValue] = useState(props.value);
  if (props.value !== lastValue) {
    setLastValue(props.value);
    if (parseDisplayDate(text) !== props.value && text !== props.value) setText(shown(props.value));
  }
  return (
    <input
      id={props.id}
      type="text"
      inputMode="numeric"
      placeholder={i18n.t.common.datePlaceholder}
      value={text}
      aria-invalid={props['aria-invalid']}
      aria-describedby={props['aria-describedby']}
      onChange={(event) => {
        setText(event.target.value);
        const trimmed = event.target.value.trim();
        props.onChange(trimmed === '' ? '' : (parseDisplayDate(trimmed) ?? trimmed));
      }}
      onBlur={props.onBlur}
    />
  );
}

/**
 * A form's submit button, or, for a role that may not do what the form does (`needs`, entering the
 * business unless said), the reason in its place: never a button the main process would refuse.
 */
export function SubmitButton(props: { label: string; busy?: boolean; danger?: boolean; needs?: Permission }) {
  const i18n = useI18n();
  const { t } = i18n;
  const role = useRole();
  const allowed = useCan(props.needs ?? 'enter');
  if (!allowed) {
    return (
      <span className="muted role-note">
        {i18n.format(t.users.readOnlyFooter, {}, { role: role ? t.users.roles[role] : '' })}
      </span>
    );
  }
  return (
    <button type="submit" className={props.danger ? 'primary danger' : 'primary'} disabled={props.busy}>
      {props.label}
    </button>
  );
}

/** The end of every form: the refusal banner, then cancel (when there is somewhere to go back to) and submit. */
export function FormFooter(props: {
  banner: string;
  submitLabel: string;
  busy?: boolean;
  danger?: boolean;
  onCancel?: () => void;
  cancelLabel?: string;
  needs?: Permission;
}) {
  const { t } = useI18n();
  return (
    <>
      {props.banner ? (
        <div className="banner error" role="alert">
          {props.banner}
        </div>
      ) : null}
      <div className="actions">
        {props.onCancel ? (
          <button type="button" onClick={props.onCancel}>
            {props.cancelLabel ?? t.common.cancel}
          </button>
        ) : null}
        <SubmitButton
          label={props.submitLabel}
          {...(props.busy === undefined ? {} : { busy: props.busy })}
          {...(props.danger === undefined ? {} : { danger: props.danger })}
          {...(props.needs === undefined ? {} : { needs: props.needs })}
        />
      </div>
    </>
  );
}
