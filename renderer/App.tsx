import { useCallback, useEffect, useState } from 'react';
import type { AppStatus, Language } from '../shared/contract';
import { localToday } from '../shared/dates';
import { DEMO_PASSWORD, type Permission, roleMay } from '../shared/users';
import { call, whenSignedOut } from './api';
import { AuditScreen } from './audit/AuditScreen';
import { BackupScreen } from './backup/BackupScreen';
import { ProfileScreen } from './cooperative/ProfileScreen';
import { HomeScreen } from './home/HomeScreen';
import { I18nProvider, useI18n } from './i18n';
import { CreditScreen } from './inputs/CreditScreen';
import { DistributionScreen } from './inputs/DistributionScreen';
import { PurchasesScreen } from './inputs/PurchasesScreen';
import { StockScreen } from './inputs/StockScreen';
import { AccountsScreen } from './ledger/AccountsScreen';
import { MonthsScreen } from './ledger/MonthsScreen';
import { OpeningScreen } from './ledger/OpeningScreen';
import { StatementsScreen } from './ledger/StatementsScreen';
import { VouchersScreen } from './ledger/VouchersScreen';
import { MeetingsScreen } from './meetings/MeetingsScreen';
import { MembersScreen } from './members/MembersScreen';
import { MemberStatementScreen } from './money/MemberStatementScreen';
import { ShareRegisterScreen } from './money/ShareRegisterScreen';
import { ReportsScreen } from './reports/ReportsScreen';
import { ChangesScreen } from './review/ChangesScreen';
import { HealthScreen } from './review/HealthScreen';
import { SalesScreen } from './sales/SalesScreen';
import { CollectionDayScreen } from './savings/CollectionDayScreen';
import { InterestScreen } from './savings/InterestScreen';
import { ProductsScreen } from './savings/ProductsScreen';
import { SearchDialog } from './search/SearchDialog';
import { SetupScreen } from './setup/SetupScreen';
import { CreateAdminScreen, LockScreen, SignInScreen } from './users/Access';
import { RoleProvider } from './users/roles';
import { UserBox, useIdleLock } from './users/UserBox';
import { UsersScreen } from './users/UsersScreen';
import { YearEndScreen } from './yearend/YearEndScreen';

type Screen =
  | 'home'
  | 'members'
  | 'collection'
  | 'shareRegister'
  | 'products'
  | 'interest'
  | 'inputStock'
  | 'inputPurchases'
  | 'inputDistribution'
  | 'inputCredit'
  | 'salesCampaigns'
  | 'vouchers'
  | 'statements'
  | 'accounts'
  | 'opening'
  | 'months'
  | 'meetings'
  | 'yearEnd'
  | 'reports'
  | 'backup'
  | 'health'
  | 'audit'
  | 'users'
  | 'changes'
  | 'cooperative';

// The sidebar: the member register, the members' money, farm inputs, the books, then the cooperative's profile.
const NAVIGATION: readonly {
  heading: 'money' | 'inputs' | 'sales' | 'books' | null;
  screens: readonly Screen[];
}[] = [
  { heading: null, screens: ['home', 'members'] },
  { heading: 'money', screens: ['collection', 'shareRegister', 'products', 'interest'] },
  { heading: 'inputs', screens: ['inputStock', 'inputPurchases', 'inputDistribution', 'inputCredit'] },
  { heading: 'sales', screens: ['salesCampaigns'] },
  {
    heading: 'books',
    screens: ['vouchers', 'statements', 'accounts', 'opening', 'months', 'meetings', 'yearEnd'],
  },
  { heading: null, screens: ['reports', 'backup', 'health', 'audit', 'changes', 'users', 'cooperative'] },
];

// Screens that only enter or administer, left out of the sidebar of a role that could not use them (the
// main process refuses their channels anyway). Every other screen reads, for every role.
const SCREEN_NEEDS: Partial<Record<Screen, Permission>> = {
  collection: 'enter',
  inputPurchases: 'enter',
  inputDistribution: 'enter',
  vouchers: 'enter',
  opening: 'enter',
  backup: 'backup',
  users: 'admin',
};

export function App() {
  const [language, setLanguage] = useState<Language | null>(null);
  const [status, setStatus] = useState<AppStatus | null>(null);
  const [failed, setFailed] = useState(false);

  const refresh = useCallback(async () => {
    const result = await call('app.status', {});
    if (result.ok) setStatus(result.value);
    else setFailed(true);
  }, []);

  useEffect(() => {
    void call('prefs.get', {}).then((result) => setLanguage(result.ok ? result.value.language : 'km'));
    void refresh();
    whenSignedOut(() => void refresh());
    return () => whenSignedOut(null);
  }, [refresh]);

  useEffect(() => {
    if (language) document.documentElement.lang = language;
  }, [language]);

  const chooseLanguage = async (next: Language) => {
    setLanguage(next);
    await call('prefs.set', { language: next });
  };

  if (!language || (!status && !failed)) return null;
  return (
    <I18nProvider language={language}>
      {failed || !status ? (
        <StartFailure />
      ) : status.mode === 'setup' ? (
        <>
          <LanguageSwitch language={language} onChange={chooseLanguage} floating />
          <SetupScreen onReady={setStatus} />
        </>
      ) : status.mode !== 'review' && status.auth !== 'signedIn' ? (
        <>
          <LanguageSwitch language={language} onChange={chooseLanguage} floating />
          <AccessScreen status={status} onStatus={setStatus} />
        </>
      ) : (
        <Workspace
          status={status}
          language={language}
          onLanguage={chooseLanguage}
          onStatus={setStatus}
          refresh={refresh}
        />
      )}
    </I18nProvider>
  );
}

/** What stands between the keyboard and the books: the first administrator, signing in, or the lock. */
function AccessScreen({ status, onStatus }: { status: AppStatus; onStatus: (status: AppStatus) => void }) {
  const { t } = useI18n();
  if (status.auth === 'createAdmin') return <CreateAdminScreen onStatus={onStatus} />;
  if (status.auth === 'locked' && status.user) {
    return (
      <LockScreen
        status={status}
        name={status.user.displayName}
        role={t.users.roles[status.user.role]}
        onStatus={onStatus}
      />
    );
  }
  return <SignInScreen status={status} onStatus={onStatus} />;
}

function StartFailure() {
  const { t } = useI18n();
  return <div className="banner error">{t.errors.unexpected}</div>;
}

function LanguageSwitch({
  language,
  onChange,
  floating,
}: {
  language: Language;
  onChange: (language: Language) => void;
  floating?: boolean;
}) {
  const { t } = useI18n();
  const other: Language = language === 'km' ? 'en' : 'km';
  return (
    <button
      type="button"
      className={floating ? 'language-switch floating' : 'language-switch'}
      lang={other}
      onClick={() => onChange(other)}
    >
      {t.language.switchTo}
    </button>
  );
}

function Workspace({
  status,
  language,
  onLanguage,
  onStatus,
  refresh,
}: {
  status: AppStatus;
  language: Language;
  onLanguage: (language: Language) => void;
  onStatus: (status: AppStatus) => void;
  refresh: () => Promise<void>;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [screen, setScreen] = useState<Screen>('home');
  // A member's statement opens over the screen it was asked from, and goes back to it.
  const [statementOf, setStatementOf] = useState<number | null>(null);
  useIdleLock(status.lockMinutes, onStatus);
  const cooperative = status.cooperative;
  // A review copy is read by whoever opened it, as a reviewer, whatever the laptop's own users are.
  const role = status.mode === 'review' ? 'reviewer' : (status.user?.role ?? 'reviewer');
  if (!cooperative) return null;
  const visible = (name: Screen) => {
    const needs = SCREEN_NEEDS[name];
    return !needs || roleMay(role, needs);
  };
  const leaveDemo = async () => {
    const result = await call('app.leaveDemo', {});
    if (result.ok) onStatus(result.value);
  };
  const closeReview = async () => {
    const result = await call('review.close', {});
    if (result.ok) onStatus(result.value);
  };
  return (
    <RoleProvider role={role}>
      <div className="workspace">
        <header className="topbar">
          <div className="brand">
            <span className="app-name">{t.appName}</span>
            <span className="coop-name">
              {language === 'en' && cooperative.nameLatin ? cooperative.nameLatin : cooperative.nameKm}
            </span>
          </div>
          <LanguageSwitch language={language} onChange={onLanguage} />
        </header>
        {status.mode === 'demo' ? (
          <div className="demo-banner" role="note">
            {t.demo.banner} {i18n.format(t.users.demoPasswords, {}, { password: DEMO_PASSWORD })}
            <button type="button" onClick={leaveDemo}>
              {t.demo.leave}
            </button>
          </div>
        ) : null}
        {status.mode === 'review' && status.review ? (
          <div className="demo-banner review-banner" role="note">
            {i18n.format(t.backup.banner, { date: i18n.date(status.review.createdAt.slice(0, 10)) })}
            <button type="button" onClick={closeReview}>
              {t.backup.closeReview}
            </button>
          </div>
        ) : null}
        <div className="body">
          <nav className="sidebar" aria-label={t.appName}>
            {NAVIGATION.map((group) => (
              <div key={group.screens[0]} className="nav-group">
                {group.heading ? <div className="nav-heading">{t.nav[group.heading]}</div> : null}
                {group.screens.filter(visible).map((name) => (
                  <button
                    key={name}
                    type="button"
                    className={screen === name ? 'nav-item current' : 'nav-item'}
                    aria-current={screen === name ? 'page' : undefined}
                    onClick={() => {
                      setScreen(name);
                      setStatementOf(null);
                    }}
                  >
                    {t.nav[name]}
                  </button>
                ))}
              </div>
            ))}
            {status.user ? <UserBox user={status.user} onStatus={onStatus} /> : null}
          </nav>
          <main className="content">
            <SearchDialog
              onMember={setStatementOf}
              onAccounts={() => setScreen('accounts')}
              onJournal={() => setScreen('vouchers')}
            />
            {statementOf !== null ? (
              <MemberStatementScreen memberId={statementOf} onBack={() => setStatementOf(null)} />
            ) : null}
            {/* Kept while a statement is open, so that "back" finds the search and the member as they were. */}
            {screen === 'members' ? (
              <div className="screen-holder" hidden={statementOf !== null}>
                <MembersScreen
                  today={localToday()}
                  onChanged={() => void refresh()}
                  onStatement={setStatementOf}
                />
              </div>
            ) : null}
            {statementOf === null && screen === 'home' ? <HomeScreen onOpen={setScreen} /> : null}
            {statementOf === null && screen === 'collection' ? <CollectionDayScreen /> : null}
            {screen === 'shareRegister' ? (
              <div className="screen-holder" hidden={statementOf !== null}>
                <ShareRegisterScreen onStatement={setStatementOf} />
              </div>
            ) : null}
            {statementOf === null && screen === 'products' ? <ProductsScreen /> : null}
            {statementOf === null && screen === 'interest' ? <InterestScreen /> : null}
            {statementOf === null && screen === 'inputStock' ? <StockScreen /> : null}
            {statementOf === null && screen === 'inputPurchases' ? <PurchasesScreen /> : null}
            {statementOf === null && screen === 'inputDistribution' ? <DistributionScreen /> : null}
            {statementOf === null && screen === 'inputCredit' ? <CreditScreen /> : null}
            {statementOf === null && screen === 'salesCampaigns' ? <SalesScreen /> : null}
            {screen === 'vouchers' ? <VouchersScreen /> : null}
            {screen === 'statements' ? <StatementsScreen /> : null}
            {screen === 'accounts' ? <AccountsScreen /> : null}
            {screen === 'opening' ? <OpeningScreen /> : null}
            {screen === 'months' ? <MonthsScreen /> : null}
            {screen === 'meetings' ? <MeetingsScreen /> : null}
            {screen === 'yearEnd' ? (
              <YearEndScreen fiscalYearStartMonth={cooperative.fiscalYearStartMonth} />
            ) : null}
            {screen === 'reports' ? <ReportsScreen /> : null}
            {screen === 'backup' ? <BackupScreen onStatus={onStatus} /> : null}
            {statementOf === null && screen === 'health' ? (
              <HealthScreen
                onMember={setStatementOf}
                onAccounts={() => setScreen('accounts')}
                onJournal={() => setScreen('vouchers')}
              />
            ) : null}
            {screen === 'changes' ? <ChangesScreen /> : null}
            {screen === 'audit' ? <AuditScreen /> : null}
            {screen === 'users' && status.user ? (
              <UsersScreen me={status.user} onChanged={() => void refresh()} />
            ) : null}
            {screen === 'cooperative' ? (
              <ProfileScreen
                cooperative={cooperative}
                dataFile={status.dataFile}
                onSaved={(saved) => onStatus({ ...status, cooperative: saved })}
              />
            ) : null}
          </main>
        </div>
      </div>
    </RoleProvider>
  );
}
