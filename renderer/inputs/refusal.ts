import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import type { AppError } from '../../shared/errors';
import { type InputItem, parseQuantity } from '../../shared/inputs';
import { formatAmount } from '../../shared/khmer';
import { encodeError, showRefusal } from '../components/form';
import { quantityText } from '../components/quantity';
import type { I18n } from '../i18n';
import { readableError } from '../ledger/statements/refusal';
import { type EditorLine, type LineErrors, type LineField, lineFieldId } from './LineEditor';

/**
 * A refusal of the inputs with its figures as the bookkeeper reads them: what is owed as money, what is
 * left of an item as a quantity in the item's unit ('នៅសល់តែ ៤០ បាវ ៥០ គ.ក').
 */
export function readableInputError(i18n: I18n, error: AppError, items: readonly InputItem[]): AppError {
  const readable = readableError(i18n, error);
  const params = { ...readable.params };
  if (typeof params.owed === 'number')
    params.owed = formatAmount(params.owed, 'KHR', { digits: i18n.digits });
  const item = items.find((i) => i.nameKm === params.item);
  const available = typeof params.available === 'string' ? parseQuantity(params.available) : null;
  if (item && available !== null) params.available = quantityText(i18n, available, item.unit);
  if (item && i18n.language === 'en' && item.nameLatin) params.item = item.nameLatin;
  return { ...readable, params };
}

/** The line and cell a refusal of the main process names, when it names one. */
export function refusedLine(error: AppError): { index: number; field: LineField } | null {
  const line = error.params?.line;
  if (error.field !== 'lines' || typeof line !== 'number') return null;
  // An unknown or withdrawn item is the item's fault; anything else on a line is about how much.
  const field: LineField =
    error.code === 'item_inactive' || error.code === 'not_found' ? 'itemId' : 'quantity';
  return { index: line, field };
}

/**
 * A refusal of a form with lines: one that names a line goes under that line's cell (the price is
 * `priceKey` in the form) with the cursor in it; any other beside its field, or in the banner. Returns
 * the banner's text.
 */
export function refuseWithLines<T extends FieldValues>(
  form: UseFormReturn<T>,
  error: AppError,
  setting: {
    i18n: I18n;
    items: readonly InputItem[];
    idPrefix: string;
    fields: readonly string[];
    priceKey: string;
  },
): string {
  const { i18n, items, idPrefix } = setting;
  const readable = readableInputError(i18n, error, items);
  const at = refusedLine(error);
  if (!at) return showRefusal(form, readable, setting.fields, i18n);
  const key = at.field === 'price' ? setting.priceKey : at.field;
  form.setError(`lines.${at.index}.${key}` as Path<T>, { type: 'server', message: encodeError(readable) });
  requestAnimationFrame(() => document.getElementById(lineFieldId(idPrefix, at.index, at.field))?.focus());
  return i18n.t.formHasErrors;
}

type FormLineErrors = readonly (Partial<Record<string, { message?: string }>> | undefined)[];

/** The form's errors for its lines, as the editor shows them; the price is `priceKey` in the form. */
export function editorErrors(errors: unknown, priceKey: string): (LineErrors | undefined)[] {
  if (!Array.isArray(errors)) return [];
  return (errors as FormLineErrors).map((line) => {
    if (!line) return undefined;
    const found: LineErrors = {};
    for (const [field, key] of [
      ['itemId', 'itemId'],
      ['quantity', 'quantity'],
      ['price', priceKey],
    ] as const) {
      const message = line[key]?.message;
      if (message) found[field] = message;
    }
    return found;
  });
}

/** The message of an error on the lines as a whole (none at all), if there is one. */
export function linesMessage(errors: unknown): string | undefined {
  const e = errors as { message?: string; root?: { message?: string } } | undefined;
  return e?.message ?? e?.root?.message;
}

/** The lines of the editor as the shared schemas name them. */
export const asPurchaseLines = (lines: readonly EditorLine[]) =>
  lines.map((l) => ({ itemId: l.itemId, quantity: l.quantity, unitCost: l.price }));
export const asSaleLines = (lines: readonly EditorLine[]) =>
  lines.map((l) => ({ itemId: l.itemId, quantity: l.quantity, unitPrice: l.price }));
