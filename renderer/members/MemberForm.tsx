import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { type Member, type MemberInput, memberInputSchema } from '../../shared/schemas';
import { call } from '../api';
import { DateInput, Field, FormFooter, showRefusal } from '../components/form';
import { memberNumber, useI18n } from '../i18n';

const TEXT_FIELDS = [
  'nameKm',
  'nameLatin',
  'nationalId',
  'phone',
  'village',
  'commune',
  'nextOfKin',
] as const;
const DATE_FIELDS = ['birthDate', 'joinDate'] as const;
const FIELDS: readonly string[] = [...TEXT_FIELDS, ...DATE_FIELDS, 'sex', 'notes'];

export const emptyMember = (today: string): MemberInput => ({
  nameKm: '',
  nameLatin: '',
  sex: '' as MemberInput['sex'],
  birthDate: '',
  nationalId: '',
  phone: '',
  village: '',
  commune: '',
  joinDate: today,
  nextOfKin: '',
  notes: '',
});

/** Adds a member (no `member`) or edits one. Nothing is saved unless every field passes. */
export function MemberForm({
  member,
  initial,
  onSaved,
  onCancel,
}: {
  member: Member | null;
  initial: MemberInput;
  onSaved: (member: Member) => void;
  onCancel: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [banner, setBanner] = useState('');
  const form = useForm<MemberInput>({
    resolver: zodResolver(memberInputSchema),
    defaultValues: initial,
    mode: 'onTouched',
  });
  const errors = form.formState.errors;

  const submit = form.handleSubmit(
    async (values) => {
      setBanner('');
      const result = member
        ? await call('members.update', { ...values, id: member.id })
        : await call('members.create', values);
      if (result.ok) onSaved(result.value);
      else setBanner(showRefusal(form, result.error, FIELDS, i18n));
    },
    () => setBanner(t.formHasErrors),
  );

  const text = (name: (typeof TEXT_FIELDS)[number], required = false) => (
    <Field key={name} label={t.members[name]} error={errors[name]} required={required}>
      {(aria) => <input {...aria} type="text" {...form.register(name)} />}
    </Field>
  );
  const date = (name: (typeof DATE_FIELDS)[number], required = false) => (
    <Field key={name} label={t.members[name]} error={errors[name]} required={required}>
      {(aria) => (
        <Controller
          control={form.control}
          name={name}
          render={({ field }) => (
            <DateInput {...aria} value={field.value} onChange={field.onChange} onBlur={field.onBlur} />
          )}
        />
      )}
    </Field>
  );

  return (
    <form
      className="member-form"
      noValidate
      aria-label={
        member
          ? i18n.format(t.members.editTitle, { number: memberNumber(member.number) })
          : t.members.newTitle
      }
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h2>
        {member
          ? i18n.format(t.members.editTitle, { number: memberNumber(member.number) })
          : t.members.newTitle}
      </h2>
      <div className="form-grid">
        {text('nameKm', true)}
        {text('nameLatin')}
        <Field label={t.members.sex} error={errors.sex} required>
          {(aria) => (
            <select {...aria} {...form.register('sex')}>
              <option value="" />
              <option value="F">{t.members.F}</option>
              <option value="M">{t.members.M}</option>
            </select>
          )}
        </Field>
        {date('birthDate')}
        {text('nationalId')}
        {text('phone')}
        {text('village')}
        {text('commune')}
        {date('joinDate', true)}
        {text('nextOfKin')}
      </div>
      <Field label={t.members.notes} error={errors.notes}>
        {(aria) => <textarea {...aria} rows={3} {...form.register('notes')} />}
      </Field>
      <FormFooter
        banner={banner}
        busy={form.formState.isSubmitting}
        submitLabel={t.common.save}
        onCancel={onCancel}
      />
    </form>
  );
}
