// Every namespace of UI texts, one per area of the front (each area owns its messages file).
import { adminMessages } from '../pages/admin/messages';
import { analystMessages } from '../pages/analyst/messages';
import { applicantMessages } from '../pages/applicant/messages';
import { clerkMessages } from '../pages/clerk/messages';
import { documentsMessages } from '../pages/documents/messages';
import { officerMessages } from '../pages/officer/messages';
import { formMessages } from '../form/messages';
import { commonMessages } from './common-messages';

export const resources = {
  en: { common: commonMessages.en, applicant: applicantMessages.en, clerk: clerkMessages.en, officer: officerMessages.en, analyst: analystMessages.en, documents: documentsMessages.en, admin: adminMessages.en, form: formMessages.en },
  zh: { common: commonMessages.zh, applicant: applicantMessages.zh, clerk: clerkMessages.zh, officer: officerMessages.zh, analyst: analystMessages.zh, documents: documentsMessages.zh, admin: adminMessages.zh, form: formMessages.zh },
} as const;
