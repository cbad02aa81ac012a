import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, setToken, type DemoAccountInfo, type MachineChart, type ProgramInfo, type ServerTime } from './api.js';
import { locale, setLocale, t, type Locale } from './i18n.js';
import { ApplicationPage, Home, NewApplication, ServerTimeLine, SignIn } from './pages.js';
import { html, Notice, problemText } from './ui.js';

const sessionKey = 'fioco-flow-demo-session';
const localeKey = 'fioco-flow-demo-locale';

interface Session {
  readonly key: string;
  readonly token: string;
}

type Route =
  | { readonly name: 'home' }
  | { readonly name: 'application'; readonly id: string }
  | { readonly name: 'new'; readonly programId: string }
  | { readonly name: 'sign-in'; readonly key: string; readonly token: string };

function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/u, '');
  const signIn = /^\/sign-in\/([\w-]+)\/([\w-]+)$/u.exec(path);
  if (signIn) return { name: 'sign-in', key: signIn[1]!, token: signIn[2]! };
  const application = /^\/applications\/([^/]+)$/u.exec(path);
  if (application) return { name: 'application', id: decodeURIComponent(application[1]!) };
  const created = /^\/new\/([^/]+)$/u.exec(path);
  if (created) return { name: 'new', programId: decodeURIComponent(created[1]!) };
  return { name: 'home' };
}

function readSession(): Session | null {
  try {
    const value = JSON.parse(sessionStorage.getItem(sessionKey) ?? 'null') as Session | null;
    return value && typeof value.key === 'string' && typeof value.token === 'string' ? value : null;
  } catch {
    return null;
  }
}

function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => {
      setRoute(parseRoute(window.location.hash));
      document.getElementById('main')?.focus();
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

function App() {
  const route = useRoute();
  const [language, setLanguage] = useState<Locale>(() => (localStorage.getItem(localeKey) === 'en' ? 'en' : 'ru'));
  const [accounts, setAccounts] = useState<DemoAccountInfo[]>([]);
  const [account, setAccount] = useState<DemoAccountInfo | null>(null);
  const [programs, setPrograms] = useState<ProgramInfo[]>([]);
  const [chart, setChart] = useState<MachineChart | null>(null);
  const [time, setTime] = useState<ServerTime | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [ready, setReady] = useState(false);

  setLocale(language);

  async function signIn(key: string, token: string) {
    setToken(token);
    try {
      const me = await api.whoAmI();
      if (me.key !== key) throw new Error(t('signInFailed'));
      sessionStorage.setItem(sessionKey, JSON.stringify({ key, token }));
      setAccount(me);
      const [programList, machine] = await Promise.all([api.programs(), api.machine()]);
      setPrograms(programList);
      setChart(machine);
    } catch (failure) {
      setToken(null);
      sessionStorage.removeItem(sessionKey);
      throw failure;
    }
  }

  function signOut() {
    setToken(null);
    sessionStorage.removeItem(sessionKey);
    setAccount(null);
    window.location.hash = '#/';
  }

  // Accounts and the clock need no token; a stored session signs in again after a reload.
  useEffect(() => {
    const start = async () => {
      try {
        setAccounts(await api.accounts());
        setTime(await api.time());
        const session = readSession();
        if (route.name !== 'sign-in' && session) await signIn(session.key, session.token).catch(() => undefined);
      } catch (failure) {
        setError(problemText(failure));
      } finally {
        setReady(true);
      }
    };
    void start();
    const timer = window.setInterval(() => api.time().then(setTime, () => undefined), 30_000);
    return () => window.clearInterval(timer);
  }, []);

  // A sign-in link from the server's output: sign in with its token, then drop it from the address bar.
  useEffect(() => {
    if (route.name !== 'sign-in' || !ready) return;
    signIn(route.key, route.token).then(
      () => window.location.replace('#/'),
      () => undefined,
    );
  }, [route.name, ready]);

  // The language of the chart's labels follows the page.
  useEffect(() => {
    localStorage.setItem(localeKey, language);
    if (account) api.machine().then(setChart, () => undefined);
  }, [language]);

  const now = time ? new Date(time.now) : new Date();
  let content;
  if (!ready) content = html`<main id="main" tabindex="-1"><p>${t('loading')}</p></main>`;
  else if (account === null) {
    content = html`<${SignIn}
      accounts=${accounts}
      prefill=${route.name === 'sign-in' ? { key: route.key, token: route.token } : null}
      onSignIn=${signIn}
    />`;
  } else if (route.name === 'application') {
    content = html`<${ApplicationPage} id=${route.id} account=${account} programs=${programs} chart=${chart} now=${now} language=${language} />`;
  } else if (route.name === 'new') {
    content = html`<${NewApplication} program=${programs.find((program) => program.id === route.programId)} account=${account} />`;
  } else {
    content = html`<${Home} account=${account} programs=${programs} now=${now} language=${language} />`;
  }

  return html`<div class="page">
    <a class="skip-link" href="#main" onClick=${(event: Event) => {
      event.preventDefault();
      document.getElementById('main')?.focus();
    }}>${t('skipToContent')}</a>
    <header class="top">
      <div class="brand">
        <p class="title">${t('appTitle')}</p>
        <p class="subtitle">${t('appSubtitle')}</p>
      </div>
      <div class="session">
        ${time ? html`<${ServerTimeLine} now=${now} simulated=${time.simulated} />` : null}
        ${account
          ? html`<p class="who">
              <span>${account.name} · ${account.role === 'staff' ? t('roleStaff') : t('roleRepresentative')}</span>
              <button type="button" class="link" onClick=${signOut}>${t('signOut')}</button>
            </p>`
          : null}
        <button
          type="button"
          class="secondary small"
          lang=${language === 'ru' ? 'en' : 'ru'}
          aria-label=${t('languageLabel')}
          onClick=${() => setLanguage(locale() === 'ru' ? 'en' : 'ru')}
        >
          ${t('language')}
        </button>
      </div>
    </header>
    ${error ? html`<${Notice} kind="error" text=${error} />` : null}
    ${content}
  </div>`;
}

render(html`<${App} />`, document.getElementById('app')!);
