import { useState } from 'react';
import { toLatinDigits } from '../../../shared/khmer';
import type { Aria } from '../../ledger/vouchers/formSupport';
import { parseRate } from '../rates';

/**
 * What the form holds for a number typed as text: the number, NaN while the box is empty (which the
 * shared schema calls 'required'), or -1 when the text is not a number (which it calls 'validation').
 */
const NOT_A_NUMBER = -1;

function held(text: string, parse: (text: string) => number | null): number {
  if (text.trim() === '') return Number.NaN;
  return parse(text) ?? NOT_A_NUMBER;
}

/** A text box for a number the form keeps in another form than the one typed. */
function ParsedInput(
  props: Aria & {
    value: number;
    onChange: (value: number) => void;
    onBlur: () => void;
    parse: (text: string) => number | null;
    show: (value: number) => string;
    placeholder?: string;
  },
) {
  const { value, onChange, onBlur, parse, show, placeholder, ...aria } = props;
  const shown = (v: number) => (Number.isFinite(v) && v >= 0 ? show(v) : '');
  const [text, setText] = useState(() => shown(value));
  const [lastValue, setLastValue] = useState(value);
  // A value set from outside (a reset, another field's change) replaces what is shown; the value the
  // text itself just produced does not.
  if (!Object.is(value, lastValue)) {
    setLastValue(value);
    if (!Object.is(held(text, parse), value)) setText(shown(value));
  }
  return (
    <input
      {...aria}
      type="text"
      inputMode="decimal"
      value={text}
      placeholder={placeholder}
      onChange={(event) => {
        setText(event.target.value);
        onChange(held(event.target.value, parse));
      }}
      onBlur={onBlur}
    />
  );
}

/** A yearly rate or a penalty typed as a percentage; the form holds hundredths of a percent. */
export function PercentInput(
  props: Aria & { value: number; onChange: (bp: number) => void; onBlur: () => void },
) {
  return (
    <ParsedInput
      {...props}
      parse={parseRate}
      show={(bp) => `${Math.trunc(bp / 100)}.${String(bp % 100).padStart(2, '0')}`}
      placeholder="0.00"
    />
  );
}

const parseWhole = (text: string) => {
  const latin = toLatinDigits(text).trim();
  return /^\d{1,4}$/.test(latin) ? Number(latin) : null;
};

/** A fixed term in whole months (Latin or Khmer digits). */
export function MonthsInput(
  props: Aria & { value: number | null; onChange: (months: number) => void; onBlur: () => void },
) {
  return <ParsedInput {...props} value={props.value ?? Number.NaN} parse={parseWhole} show={String} />;
}
