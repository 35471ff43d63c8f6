import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import type { Role } from '../api/types';
import { useApp } from './app-context';

/** Shows its page to the given roles; sends anyone not signed in to the sign-in page and back. */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { session } = useApp();
  const location = useLocation();
  const { t } = useTranslation();
  if (!session) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (!roles.includes(session.role)) return <p role="alert">{t('forbidden')}</p>;
  return <>{children}</>;
}
