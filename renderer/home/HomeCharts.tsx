import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { HomeTrendPoint } from '../../shared/home';
import { formatAmount, formatNumber, monthName } from '../../shared/khmer';
import { useI18n } from '../i18n';
import { monthLabel } from '../ledger/statements/dates';

// Colours that stay apart on a dim laptop screen and in grey: a dark green, a deep orange, a dark blue.
const GREEN = '#1e5631';
const ORANGE = '#b44a00';
const BLUE = '#1f3f8f';
const HEIGHT = 210;
const AXIS = { fill: '#1f2a24', fontSize: 14 };

type Series = { key: keyof HomeTrendPoint; name: string; color: string };

/** The three 12-month charts, each a door into the screen that holds its figures. */
export function HomeCharts({
  trend,
  onSavings,
  onMembers,
}: {
  trend: readonly HomeTrendPoint[];
  onSavings: () => void;
  onMembers: () => void;
}) {
  const i18n = useI18n();
  const h = i18n.t.home;
  const data = trend.map((point) => ({
    ...point,
    label: monthName(Number(point.month.slice(5, 7)), i18n.language),
  }));
  const millions = (value: number) =>
    i18n.format(h.million, {}, { n: formatNumber(Math.round(value / 1_000_000), i18n.digits) });
  const riel = (value: unknown) =>
    typeof value === 'number' ? formatAmount(value, 'KHR', { digits: i18n.digits, brackets: true }) : '';
  const people = (value: unknown) =>
    typeof value === 'number' && Number.isInteger(value) ? formatNumber(value, i18n.digits) : '';
  const tooltipLabel = (_: unknown, payload: readonly { payload?: HomeTrendPoint }[]) => {
    const month = payload[0]?.payload?.month;
    return month ? monthLabel(month, i18n) : '';
  };

  const chart = (
    id: string,
    title: string,
    kind: 'line' | 'bar',
    series: readonly Series[],
    yTick: (value: number) => string,
    value: (value: unknown) => string,
    onOpen: () => void,
  ) => {
    const Chart = kind === 'line' ? LineChart : BarChart;
    return (
      <figure className="home-chart" data-chart={id} aria-label={title}>
        <figcaption>
          <button type="button" className="home-chart-door" onClick={onOpen}>
            {title}
          </button>
        </figcaption>
        <ResponsiveContainer width="100%" height={HEIGHT}>
          <Chart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 8 }}>
            <CartesianGrid stroke="#c9c3b4" strokeDasharray="3 3" />
            <XAxis dataKey="label" tick={AXIS} interval="preserveStartEnd" />
            <YAxis
              tick={AXIS}
              allowDecimals={false}
              tickFormatter={yTick}
              width={kind === 'bar' || id === 'savings' ? 86 : 56}
            />
            <Tooltip formatter={value} labelFormatter={tooltipLabel} />
            <Legend wrapperStyle={{ fontSize: 15, color: '#1f2a24' }} />
            {series.map((s) =>
              kind === 'line' ? (
                <Line
                  key={s.key}
                  dataKey={s.key}
                  name={s.name}
                  stroke={s.color}
                  strokeWidth={3}
                  dot={{ r: 3, fill: s.color }}
                  isAnimationActive={false}
                />
              ) : (
                <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.color} isAnimationActive={false} />
              ),
            )}
          </Chart>
        </ResponsiveContainer>
      </figure>
    );
  };

  return (
    <div className="home-charts">
      {chart(
        'savings',
        h.chartSavings,
        'line',
        [
          { key: 'savingsKhr', name: h.savingsKhr, color: GREEN },
          { key: 'shareCapital', name: h.shareCapital, color: BLUE },
        ],
        millions,
        riel,
        onSavings,
      )}
      {chart(
        'flows',
        h.chartFlows,
        'bar',
        [
          { key: 'depositsKhr', name: h.deposits, color: GREEN },
          { key: 'withdrawalsKhr', name: h.withdrawals, color: ORANGE },
        ],
        millions,
        riel,
        onSavings,
      )}
      {chart(
        'members',
        h.chartMembers,
        'line',
        [{ key: 'members', name: h.memberCount, color: BLUE }],
        people,
        people,
        onMembers,
      )}
    </div>
  );
}
