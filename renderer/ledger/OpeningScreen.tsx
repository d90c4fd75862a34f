import { useI18n } from '../i18n';

export function OpeningScreen() {
  const { t } = useI18n();
  return (
    <section className="screen">
      <header className="screen-header">
        <h1>{t.nav.opening}</h1>
      </header>
    </section>
  );
}
