import type { ReactNode } from 'react';
import type { AppError } from '../../shared/errors';
import { formatAmount } from '../../shared/khmer';
import { encodeError, errorSentence } from '../components/form';
import type { I18n } from '../i18n';

/** A refusal as a sentence, its amounts written as money in the campaign's currency. */
export function refusalText(i18n: I18n, error: AppError, currency: 'KHR' | 'USD' = 'KHR'): string {
  if (error.code === 'unexpected') return i18n.t.errors.unexpected;
  const params = { ...error.params };
  if (typeof params.owed === 'number')
    params.owed = formatAmount(params.owed, currency, { digits: i18n.digits });
  return errorSentence(i18n, encodeError({ ...error, params }));
}

/** A labelled control, the label tied to it by id. */
export function Labelled({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

export function Banner({ text, kind }: { text: string; kind: 'error' | 'ok' }) {
  if (!text) return null;
  return (
    <p
      className={kind === 'error' ? 'form-banner error' : 'form-banner ok'}
      role={kind === 'error' ? 'alert' : 'status'}
    >
      {text}
    </p>
  );
}
