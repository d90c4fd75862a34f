import { useEffect, useState } from 'react';
import type { CampaignSummary } from '../../shared/sales';
import { call } from '../api';

/** The cooperative's campaigns, the newest first, loaded when the screen opens and on `reload`. */
export function useCampaigns(): { campaigns: CampaignSummary[]; reload: () => Promise<void> } {
  const [campaigns, setCampaigns] = useState<CampaignSummary[]>([]);
  const reload = async () => {
    const result = await call('sales.campaigns', {});
    if (result.ok) setCampaigns(result.value);
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: load once when the screen opens.
  useEffect(() => {
    void reload();
  }, []);
  return { campaigns, reload };
}

/** A select of campaigns by number and name. */
export function CampaignSelect(props: {
  id: string;
  value: number | null | undefined;
  onChange: (id: number | null) => void;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}) {
  const { campaigns } = useCampaigns();
  const { value, onChange, ...aria } = props;
  return (
    <select
      {...aria}
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}
    >
      <option value="">—</option>
      {campaigns.map((c) => (
        <option key={c.id} value={c.id}>
          {c.number} {c.name}
        </option>
      ))}
    </select>
  );
}
