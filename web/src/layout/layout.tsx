import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useNavigate } from 'react-router';
import type { Role } from '../api/types';
import { useApp } from '../session/app-context';
import { LanguageToggle } from './language-toggle';

const NAV: { to: string; key: string; roles: Role[] | 'anyone' }[] = [
  { to: '/', key: 'nav.apply', roles: 'anyone' },
  { to: '/cases', key: 'nav.cases', roles: ['applicant', 'employer'] },
  { to: '/notifications', key: 'nav.notifications', roles: ['applicant', 'employer'] },
  { to: '/access-log', key: 'nav.accessLog', roles: ['applicant'] },
  { to: '/clerk', key: 'nav.clerk', roles: ['clerk'] },
  { to: '/officer', key: 'nav.officer', roles: ['officer'] },
  { to: '/officer/joint-reviews', key: 'nav.jointReviews', roles: ['officer'] },
  { to: '/analyst', key: 'nav.analyst', roles: ['analyst', 'admin'] },
  { to: '/admin/dead-letters', key: 'admin:nav.deadLetters', roles: ['admin'] },
];

/** Every page's frame: skip link, the platform's name, navigation for the caller's role, language, sign-in. */
export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { session, signOut } = useApp();
  const navigate = useNavigate();
  const links = NAV.filter((link) => link.roles === 'anyone' || (session && link.roles.includes(session.role)));
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          {t('appName')}
        </Link>
        <nav aria-label={t('appName')}>
          <ul>
            {links.map((link) => (
              <li key={link.to}>
                <NavLink to={link.to} end>
                  {t(link.key)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="header-tools">
          <LanguageToggle />
          {session ? (
            <>
              <span className="who" data-testid="signed-in-as">
                {t('signedInAs', { subject: session.subject, role: t(`roles.${session.role}`) })}
                {session.agency ? ` · ${t(`agencies.${session.agency}`)}` : ''}
              </span>
              <button
                type="button"
                onClick={() => {
                  signOut();
                  void navigate('/sign-in');
                }}
              >
                {t('signOut')}
              </button>
            </>
          ) : (
            <Link to="/sign-in" className="button">
              {t('signIn')}
            </Link>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
