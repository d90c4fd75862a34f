import { useState } from 'react';
import { isRealIsoDate } from '../../shared/khmer';
import { DateInput, Field } from '../components/form';

/**
 * The date a statement or register is read at. Only a real date is handed on; while the text is not
 * one, the field says so and the screen keeps showing the last good date.
 */
export function AsOfField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (iso: string) => void;
}) {
  const [typed, setTyped] = useState(value);
  const invalid = !isRealIsoDate(typed);
  return (
    <div className="as-of">
      <Field label={label} error={invalid ? { type: 'validate', message: 'date_invalid' } : undefined}>
        {(aria) => (
          <DateInput
            {...aria}
            value={typed}
            onChange={(next) => {
              setTyped(next);
              if (isRealIsoDate(next)) onChange(next);
            }}
            onBlur={() => undefined}
          />
        )}
      </Field>
    </div>
  );
}
