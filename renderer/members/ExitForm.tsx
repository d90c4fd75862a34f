import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { type Member, type MemberExit, memberExitSchema } from '../../shared/schemas';
import { call } from '../api';
import { DateInput, Field, FormFooter, showRefusal } from '../components/form';
import { memberNumber, useI18n } from '../i18n';

/** Records that a member left (with the reason) or died; the member's record is kept. */
export function ExitForm({
  member,
  status,
  today,
  onSaved,
  onCancel,
}: {
  member: Member;
  status: MemberExit['status'];
  today: string;
  onSaved: (member: Member) => void;
  onCancel: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [banner, setBanner] = useState('');
  const form = useForm<MemberExit>({
    resolver: zodResolver(memberExitSchema),
    defaultValues: { id: member.id, status, exitDate: today, reason: '' },
  });
  const title = status === 'left' ? t.members.exitTitleLeft : t.members.exitTitleDeceased;
  const submit = form.handleSubmit(async (values) => {
    const result = await call('members.exit', values);
    if (result.ok) onSaved(result.value);
    else setBanner(showRefusal(form, result.error, ['exitDate', 'reason'], i18n));
  });
  return (
    <form
      className="member-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h2>{i18n.format(title, { number: memberNumber(member.number) })}</h2>
      <p className="member-name">{member.nameKm}</p>
      <Field label={t.members.exitDate} error={form.formState.errors.exitDate} required>
        {(aria) => (
          <Controller
            control={form.control}
            name="exitDate"
            render={({ field }) => (
              <DateInput {...aria} value={field.value} onChange={field.onChange} onBlur={field.onBlur} />
            )}
          />
        )}
      </Field>
      <Field label={t.members.exitReason} error={form.formState.errors.reason}>
        {(aria) => <textarea {...aria} rows={3} {...form.register('reason')} />}
      </Field>
      <FormFooter
        banner={banner}
        submitLabel={status === 'left' ? t.members.markLeft : t.members.markDeceased}
        danger
        onCancel={onCancel}
      />
    </form>
  );
}
