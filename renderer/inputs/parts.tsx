import { type FormEvent, type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import type { InputItem } from '../../shared/inputs';
import { toLatinDigits } from '../../shared/khmer';
import { call } from '../api';
import { FormFooter } from '../components/form';
import type { I18n } from '../i18n';
import type { Confirmation } from '../money/formParts';

/** The items with what is on hand now, loaded when the screen opens and after each posting. */
export function useInputItems(): { items: InputItem[] | null; reload: () => Promise<void> } {
  const [items, setItems] = useState<InputItem[] | null>(null);
  const reload = useCallback(async () => {
    const result = await call('inputs.items', {});
    setItems(result.ok ? result.value : []);
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { items, reload };
}

/** An item's name in the screen's language (its Latin name in English, when it has one). */
export const itemName = (i18n: I18n, item: { nameKm: string; nameLatin: string }) =>
  i18n.language === 'en' && item.nameLatin ? item.nameLatin : item.nameKm;

/**
 * The frame of each inputs form: its heading, the fields, the refusal banner, cancel and record. It
 * opens with the cursor in its first field, so that the keyboard goes straight on.
 */
export function InputsForm({
  title,
  banner,
  busy,
  submitLabel,
  className,
  onSubmit,
  onCancel,
  children,
}: {
  title: string;
  banner: string;
  busy: boolean;
  submitLabel: string;
  className?: string;
  onSubmit: () => Promise<void>;
  onCancel?: () => void;
  children: ReactNode;
}) {
  const element = useRef<HTMLFormElement>(null);
  useEffect(() => {
    element.current?.querySelector<HTMLElement>('input, select, textarea')?.focus({ preventScroll: true });
  }, []);
  return (
    <form
      ref={element}
      className={className ? `inputs-form ${className}` : 'inputs-form'}
      noValidate
      aria-label={title}
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        void onSubmit();
      }}
    >
      <h2>{title}</h2>
      {children}
      <FormFooter banner={banner} busy={busy} submitLabel={submitLabel} onCancel={onCancel} />
    </form>
  );
}

/** The confirmation on show, kept as a sentence to write so that it follows a switch of language. */
export type Notice = Confirmation | null;

export function NoticeBanner({ notice, i18n }: { notice: Notice; i18n: I18n }) {
  return notice ? (
    <div className="banner ok" role="status">
      {notice(i18n)}
    </div>
  ) : null;
}

/** A monthly rate typed in percent ('1.5', '១,៥') as hundredths of a percent, or NaN. */
export function monthlyRateBp(text: string): number {
  const latin = toLatinDigits(text).trim().replace(',', '.');
  return /^\d{1,2}(\.\d{1,2})?$/.test(latin) ? Math.round(Number(latin) * 100) : Number.NaN;
}
