import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { localSignIn } from '../../api/platform-api';
import { AGENCIES, type Agency, type Role, ROLES } from '../../api/types';
import { ErrorNotice } from '../../layout/status';
import { useApp } from '../../session/app-context';
import { homeOf } from '../../session/session';

/** Where to go after signing in: the page that asked, if it is one of ours, else the role's start page. */
function nextPage(next: string | null, fallback: string): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : fallback;
}

/**
 * Local mode: pick a role (and agency) and the portal mints a token. Production: the provincial
 * identity provider signs the user in and returns to /sign-in/callback with the token.
 */
export function SignInPage() {
  const { t } = useTranslation();
  const { config, signIn } = useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [role, setRole] = useState<Role>('applicant');
  const [agency, setAgency] = useState<Agency>('approval');
  const [subject, setSubject] = useState('applicant-1');
  // Stand-ins for what the identity provider verifies; the defaults are the catalogue's examples.
  const [passportNo, setPassportNo] = useState('C01X00T47');
  const [nationality, setNationality] = useState('DEU');
  const [uscc, setUscc] = useState('91371000MA3C5LXX0F');
  const [error, setError] = useState<Error>();

  if (config.authMode === 'provider') {
    const callback = `${window.location.origin}/sign-in/callback?next=${encodeURIComponent(params.get('next') ?? '')}`;
    return (
      <section className="narrow">
        <h1>{t('signInPage.title')}</h1>
        <p>{t('signInPage.providerNotice')}</p>
        <a className="button primary" href={`${config.signInUrl}${config.signInUrl?.includes('?') ? '&' : '?'}redirect_uri=${encodeURIComponent(callback)}`}>
          {t('signInPage.providerButton')}
        </a>
      </section>
    );
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    try {
      const { token } = await localSignIn({
        role,
        agency: role === 'officer' || role === 'analyst' ? agency : undefined,
        subject: subject.trim() || undefined,
        ...(role === 'applicant' ? { passportNo: passportNo.trim(), nationality: nationality.trim().toUpperCase() } : {}),
        ...(role === 'employer' ? { uscc: uscc.trim().toUpperCase() } : {}),
      });
      const session = signIn(token);
      void navigate(nextPage(params.get('next'), homeOf(session)));
    } catch (reason) {
      setError(reason instanceof Error ? reason : new Error(String(reason)));
    }
  }

  return (
    <section className="narrow">
      <h1>{t('signInPage.title')}</h1>
      <p className="notice">{t('signInPage.localNotice')}</p>
      <ErrorNotice error={error} />
      <form onSubmit={(event) => void onSubmit(event)} className="stacked" data-testid="sign-in-form">
        <label htmlFor="sign-in-role">{t('signInPage.role')}</label>
        <select
          id="sign-in-role"
          name="role"
          value={role}
          onChange={(event) => {
            const next = event.target.value as Role;
            setRole(next);
            setSubject(`${next}-1`);
            if (next === 'analyst') setAgency('bigdata');
          }}
        >
          {ROLES.map((value) => (
            <option key={value} value={value}>
              {t(`roles.${value}`)}
            </option>
          ))}
        </select>
        {(role === 'officer' || role === 'analyst') && (
          <>
            <label htmlFor="sign-in-agency">{t('signInPage.agency')}</label>
            <select id="sign-in-agency" name="agency" value={agency} onChange={(event) => setAgency(event.target.value as Agency)}>
              {AGENCIES.map((value) => (
                <option key={value} value={value}>
                  {t(`agencies.${value}`)}
                </option>
              ))}
            </select>
          </>
        )}
        {role === 'applicant' && (
          <>
            <label htmlFor="sign-in-passport">{t('signInPage.passportNo')}</label>
            <input id="sign-in-passport" name="passportNo" value={passportNo} required aria-describedby="sign-in-identity-hint" onChange={(event) => setPassportNo(event.target.value)} />
            <label htmlFor="sign-in-nationality">{t('signInPage.nationality')}</label>
            <input id="sign-in-nationality" name="nationality" value={nationality} required maxLength={3} aria-describedby="sign-in-identity-hint" onChange={(event) => setNationality(event.target.value)} />
            <p id="sign-in-identity-hint" className="hint">
              {t('signInPage.identityHint')}
            </p>
          </>
        )}
        {role === 'employer' && (
          <>
            <label htmlFor="sign-in-uscc">{t('signInPage.uscc')}</label>
            <input id="sign-in-uscc" name="uscc" value={uscc} required maxLength={18} aria-describedby="sign-in-uscc-hint" onChange={(event) => setUscc(event.target.value)} />
            <p id="sign-in-uscc-hint" className="hint">
              {t('signInPage.usccHint')}
            </p>
          </>
        )}
        <label htmlFor="sign-in-subject">{t('signInPage.subject')}</label>
        <input id="sign-in-subject" name="subject" value={subject} aria-describedby="sign-in-subject-hint" onChange={(event) => setSubject(event.target.value)} />
        <p id="sign-in-subject-hint" className="hint">
          {t('signInPage.subjectHint')}
        </p>
        <button type="submit" className="primary">
          {t('signIn')}
        </button>
      </form>
    </section>
  );
}

/** The identity provider returns here with `#token=` (or `?token=`). */
export function SignInCallbackPage() {
  const { signIn } = useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const token = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? params.get('token');
    const session = token ? signIn(token) : null;
    if (session) void navigate(nextPage(params.get('next'), homeOf(session)), { replace: true });
    else setFailed(true);
  }, [navigate, params, signIn]);
  return failed ? <p role="alert">{t('errorTitle')}</p> : <p role="status">{t('loading')}</p>;
}
