import { useI18n } from '../i18n';

export function CollectionDayScreen() {
  const { t } = useI18n();
  return (
    <section className="screen">
      <header className="screen-header">
        <h1>{t.savings.title}</h1>
      </header>
    </section>
  );
}
