import type { AppError } from '../../../shared/errors';
import { formatAmount } from '../../../shared/khmer';
import { encodeError, errorSentence } from '../../components/form';
import type { I18n } from '../../i18n';
import { monthLabel } from './dates';

/**
 * A refusal from the main process with its month named and its amount written as money ('តុលា ២០២៦',
 * '១២.៥០០៛') rather than the raw 'YYYY-MM' and minor units the error carries.
 */
export function readableError(i18n: I18n, error: AppError): AppError {
  const params = { ...error.params };
  if (typeof params.month === 'string' && /^\d{4}-\d{2}$/.test(params.month)) {
    params.month = monthLabel(params.month, i18n);
  }
  const { difference, currency } = params;
  if (typeof difference === 'number' && (currency === 'KHR' || currency === 'USD')) {
    params.difference = formatAmount(difference, currency, { digits: i18n.digits });
  }
  return { ...error, params };
}

/** A refusal as a sentence in the user's language, for a banner. */
export function refusalText(i18n: I18n, error: AppError): string {
  if (error.code === 'unexpected') return i18n.t.errors.unexpected;
  return errorSentence(i18n, encodeError(readableError(i18n, error)));
}
