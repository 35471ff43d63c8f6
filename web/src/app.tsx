import { BrowserRouter, Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Layout } from './layout/layout';
import { DeadLettersPage } from './pages/admin/dead-letters-page';
import { DashboardPage } from './pages/analyst/dashboard-page';
import { AccessLogPage } from './pages/applicant/access-log-page';
import { ApplyPage } from './pages/applicant/apply-page';
import { CasePage } from './pages/applicant/case-page';
import { ItemsPage } from './pages/applicant/items-page';
import { MyCasesPage } from './pages/applicant/my-cases-page';
import { NotificationsPage } from './pages/applicant/notifications-page';
import { ClerkPage } from './pages/clerk/clerk-page';
import { VerifyPage } from './pages/documents/verify-page';
import { ReceiptPage } from './pages/clerk/receipt-page';
import { JointReviewsPage } from './pages/officer/joint-reviews-page';
import { OfficerCasePage } from './pages/officer/officer-case-page';
import { QueuePage } from './pages/officer/queue-page';
import { SignInCallbackPage, SignInPage } from './pages/sign-in/sign-in-page';
import { RequireRole } from './session/require-role';

function NotFound() {
  const { t } = useTranslation();
  return <p>{t('notFound')}</p>;
}

/** Every page of the front and who may open it (the services check again on every call). */
export function App() {
  return (
    <BrowserRouter>
      <Layout>
        <Routes>
          <Route path="/" element={<ItemsPage />} />
          <Route path="/sign-in" element={<SignInPage />} />
          <Route path="/sign-in/callback" element={<SignInCallbackPage />} />
          <Route path="/apply" element={<RequireRole roles={['applicant', 'employer']}><ApplyPage /></RequireRole>} />
          <Route path="/cases" element={<RequireRole roles={['applicant', 'employer']}><MyCasesPage /></RequireRole>} />
          <Route path="/cases/:caseId" element={<RequireRole roles={['applicant', 'employer', 'clerk', 'officer', 'admin']}><CasePage /></RequireRole>} />
          <Route path="/notifications" element={<RequireRole roles={['applicant', 'employer']}><NotificationsPage /></RequireRole>} />
          <Route path="/access-log" element={<RequireRole roles={['applicant']}><AccessLogPage /></RequireRole>} />
          <Route path="/clerk" element={<RequireRole roles={['clerk']}><ClerkPage /></RequireRole>} />
          <Route path="/clerk/receipt/:caseId" element={<RequireRole roles={['clerk']}><ReceiptPage /></RequireRole>} />
          <Route path="/officer" element={<RequireRole roles={['officer']}><QueuePage /></RequireRole>} />
          <Route path="/officer/cases/:caseId" element={<RequireRole roles={['officer']}><OfficerCasePage /></RequireRole>} />
          <Route path="/officer/joint-reviews" element={<RequireRole roles={['officer']}><JointReviewsPage /></RequireRole>} />
          <Route path="/analyst" element={<RequireRole roles={['analyst', 'admin']}><DashboardPage /></RequireRole>} />
          <Route path="/admin/dead-letters" element={<RequireRole roles={['admin']}><DeadLettersPage /></RequireRole>} />
          <Route path="/verify" element={<VerifyPage />} />
          <Route path="/verify/:documentNo" element={<VerifyPage />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Layout>
    </BrowserRouter>
  );
}
