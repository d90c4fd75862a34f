import { useI18n } from '../i18n';

export function ShareRegisterScreen(_: { onStatement: (memberId: number) => void }) {
  const { t } = useI18n();
  return (
    <section className="screen">
      <header className="screen-header">
        <h1>{t.money.title}</h1>
      </header>
    </section>
  );
}
