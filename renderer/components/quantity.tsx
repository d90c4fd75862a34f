import { useEffect, useState } from 'react';
import {
  formatQuantity,
  type InputUnit,
  parseQuantity,
  plainQuantity,
  UNIT_WORDS,
} from '../../shared/inputs';
import { type I18n, useI18n } from '../i18n';

/** A unit's name in the screen's language: 'បាវ ៥០ គ.ក', 'bag of 50 kg'. */
export const unitWord = (i18n: I18n, unit: InputUnit) => UNIT_WORDS[i18n.language][unit];

/** A quantity with its unit, in the language's digits: '១២,៥ គីឡូក្រាម', '12.5 kg'. */
export const quantityText = (i18n: I18n, milli: number, unit: InputUnit) =>
  `${formatQuantity(milli, i18n.digits)} ${unitWord(i18n, unit)}`;

export function Quantity({ milli, unit }: { milli: number; unit?: InputUnit }) {
  const i18n = useI18n();
  return (
    <span className={milli < 0 ? 'quantity negative' : 'quantity'}>
      {unit ? quantityText(i18n, milli, unit) : formatQuantity(milli, i18n.digits)}
    </span>
  );
}

const shownQuantity = (milli: number) => (Number.isFinite(milli) ? plainQuantity(milli) : '');

/**
 * A quantity typed as a person writes it ('12', '12.5', '១២,៥', '1,200'). The form holds thousandths of
 * the unit, or NaN while the text is not a quantity, which the shared schema refuses.
 */
export function QuantityInput(props: {
  id: string;
  value: number;
  /** Thousandths of the unit, or NaN; the text as typed too, for a caller to whom blank is not wrong. */
  onChange: (milli: number, text: string) => void;
  onBlur?: () => void;
  onKeyDown?: (event: React.KeyboardEvent<HTMLInputElement>) => void;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  'aria-label'?: string;
}) {
  const { value } = props;
  const [text, setText] = useState(() => shownQuantity(value));
  // A value set from outside (a reset, a count filled in) replaces what is shown; text on its way to a
  // quantity ('12,' before the '5') stays as typed.
  useEffect(() => {
    setText((current) => {
      const typed = parseQuantity(current.trim());
      return typed === value || (typed === null && Number.isNaN(value)) ? current : shownQuantity(value);
    });
  }, [value]);
  return (
    <input
      id={props.id}
      type="text"
      inputMode="decimal"
      className="quantity-input"
      value={text}
      placeholder="0"
      aria-invalid={props['aria-invalid']}
      aria-describedby={props['aria-describedby']}
      aria-label={props['aria-label']}
      onChange={(event) => {
        setText(event.target.value);
        const trimmed = event.target.value.trim();
        props.onChange(trimmed === '' ? Number.NaN : (parseQuantity(trimmed) ?? Number.NaN), trimmed);
      }}
      onBlur={props.onBlur}
      onKeyDown={props.onKeyDown}
    />
  );
}
