import { Controller, type UseFormReturn } from 'react-hook-form';
import { monthName } from '../../shared/khmer';
import type { CooperativeInput } from '../../shared/schemas';
import { DateInput, Field } from '../components/form';
import { useI18n } from '../i18n';

export type CooperativeField = keyof CooperativeInput;

/** The profile in the wizard's steps; the profile screen shows all four at once. */
export const COOPERATIVE_SECTIONS: readonly (readonly CooperativeField[])[] = [
  ['nameKm', 'nameLatin', 'registrationNumber', 'registrationDate', 'foundedOn'],
  ['village', 'commune', 'district', 'province'],
  ['fiscalYearStartMonth', 'sharePar', 'shareCapPerMember', 'shareCapPercent', 'reportDigits', 'lockMinutes'],
  ['chair', 'viceChair', 'treasurer', 'bookkeeper', 'internalControl'],
];
export const COOPERATIVE_FIELDS: readonly string[] = COOPERATIVE_SECTIONS.flat();

const DATE_FIELDS = new Set<CooperativeField>(['registrationDate', 'foundedOn']);
const NUMBER_FIELDS = new Set<CooperativeField>([
  'sharePar',
  'shareCapPerMember',
  'shareCapPercent',
  'lockMinutes',
]);
const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const REQUIRED = new Set<CooperativeField>(['nameKm', 'foundedOn', 'sharePar']);

export function CooperativeFields({
  form,
  fields,
}: {
  form: UseFormReturn<CooperativeInput>;
  fields: readonly CooperativeField[];
}) {
  const { t, language } = useI18n();
  const errors = form.formState.errors;
  return (
    <div className="form-grid">
      {fields.map((name) => (
        <Field key={name} label={t.cooperative[name]} error={errors[name]} required={REQUIRED.has(name)}>
          {(aria) => {
            if (DATE_FIELDS.has(name)) {
              return (
                <Controller
                  control={form.control}
                  name={name}
                  render={({ field }) => (
                    <DateInput
                      {...aria}
                      value={String(field.value)}
                      onChange={field.onChange}
                      onBlur={field.onBlur}
                    />
                  )}
                />
              );
            }
            if (name === 'fiscalYearStartMonth') {
              return (
                <select {...aria} {...form.register(name, { valueAsNumber: true })}>
                  {MONTHS.map((month) => (
                    <option key={month} value={month}>
                      {monthName(month, language)}
                    </option>
                  ))}
                </select>
              );
            }
            if (name === 'reportDigits') {
              return (
                <select {...aria} {...form.register(name)}>
                  <option value="khmer">{t.cooperative.digitsKhmer}</option>
                  <option value="latin">{t.cooperative.digitsLatin}</option>
                </select>
              );
            }
            if (NUMBER_FIELDS.has(name)) {
              return (
                <input {...aria} type="number" min={0} {...form.register(name, { valueAsNumber: true })} />
              );
            }
            return <input {...aria} type="text" {...form.register(name)} />;
          }}
        </Field>
      ))}
    </div>
  );
}
