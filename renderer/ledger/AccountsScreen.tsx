import { useI18n } from '../i18n';

export function AccountsScreen() {
  const { t } = useI18n();
  return (
    <section className="screen">
      <header className="screen-header">
        <h1>{t.nav.accounts}</h1>
      </header>
    </section>
  );
}
