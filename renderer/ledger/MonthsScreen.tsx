import { useI18n } from '../i18n';

export function MonthsScreen() {
  const { t } = useI18n();
  return (
    <section className="screen">
      <header className="screen-header">
        <h1>{t.nav.months}</h1>
      </header>
    </section>
  );
}
