import { useState } from 'react';
import { localToday } from '../../shared/dates';
import { type CampaignInput, campaignSchema, parseUnitPrice } from '../../shared/sales';
import { call } from '../api';
import { DateInput } from '../components/form';
import { useI18n } from '../i18n';
import { Banner, Labelled, refusalText } from './parts';

/** A new campaign: what is sold, to whom, from when, and the cooperative's fee. */
export function CampaignForm({ onCreated }: { onCreated: (id: number) => void }) {
  const i18n = useI18n();
  const t = i18n.t.sales.form;
  const [form, setForm] = useState({
    name: '',
    crop: 'ស្រូវ',
    variety: '',
    buyerName: '',
    buyerPhone: '',
    startDate: localToday(),
    currency: 'KHR' as 'KHR' | 'USD',
    feeKind: 'per_kg' as 'per_kg' | 'percent',
    fee: '',
  });
  const [banner, setBanner] = useState('');
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const submit = async () => {
    // A fee per kg is typed in the currency (20 riel); a percent as 1.5.
    const fee =
      form.feeKind === 'per_kg' ? parseUnitPrice(form.fee, form.currency) : parseUnitPrice(form.fee, 'USD');
    const input: CampaignInput = {
      name: form.name,
      crop: form.crop,
      variety: form.variety,
      buyerName: form.buyerName,
      buyerPhone: form.buyerPhone,
      startDate: form.startDate,
      endDate: '',
      currency: form.currency,
      feeKind: form.feeKind,
      feeValue: fee === null ? Number.NaN : form.feeKind === 'per_kg' ? fee : fee / 1000,
    };
    const parsed = campaignSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = String(issue?.path[0] ?? '');
      const label = (t as Record<string, string>)[field === 'feeValue' ? 'feeValue' : field] ?? '';
      setBanner(`${label}: ${refusalText(i18n, { code: (issue?.message ?? 'validation') as 'validation' })}`);
      return;
    }
    const result = await call('sales.createCampaign', parsed.data);
    if (!result.ok) return setBanner(refusalText(i18n, result.error));
    setBanner('');
    onCreated(result.value.id);
  };
  return (
    <form
      className="sales-campaign-form"
      aria-label={i18n.t.sales.newCampaign}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2>{i18n.t.sales.newCampaign}</h2>
      <Banner text={banner} kind="error" />
      <div className="form-grid">
        {(['name', 'crop', 'variety', 'buyerName', 'buyerPhone'] as const).map((key) => (
          <Labelled key={key} id={`campaign-${key}`} label={t[key]}>
            <input
              id={`campaign-${key}`}
              value={form[key]}
              onChange={(e) => set({ [key]: e.target.value })}
            />
          </Labelled>
        ))}
        <Labelled id="campaign-start" label={t.startDate}>
          <DateInput
            id="campaign-start"
            value={form.startDate}
            onChange={(startDate) => set({ startDate })}
            onBlur={() => undefined}
            aria-invalid={false}
          />
        </Labelled>
        <Labelled id="campaign-currency" label={t.currency}>
          <select
            id="campaign-currency"
            value={form.currency}
            onChange={(e) => set({ currency: e.target.value === 'USD' ? 'USD' : 'KHR' })}
          >
            <option value="KHR">{i18n.t.statements.currencies.KHR}</option>
            <option value="USD">{i18n.t.statements.currencies.USD}</option>
          </select>
        </Labelled>
        <Labelled id="campaign-fee-kind" label={t.feeKind}>
          <select
            id="campaign-fee-kind"
            value={form.feeKind}
            onChange={(e) => set({ feeKind: e.target.value === 'percent' ? 'percent' : 'per_kg' })}
          >
            <option value="per_kg">{t.perKg}</option>
            <option value="percent">{t.percent}</option>
          </select>
        </Labelled>
        <Labelled id="campaign-fee" label={t.feeValue}>
          <input
            id="campaign-fee"
            inputMode="decimal"
            value={form.fee}
            onChange={(e) => set({ fee: e.target.value })}
          />
        </Labelled>
      </div>
      <button type="submit" className="primary">
        {t.create}
      </button>
    </form>
  );
}
