import type { Widen } from '../types';

export const statementsKm = {
  title: 'របាយការណ៍ហិរញ្ញវត្ថុ',
};

export const statementsEn: Widen<typeof statementsKm> = {
  title: 'Financial statements',
};
