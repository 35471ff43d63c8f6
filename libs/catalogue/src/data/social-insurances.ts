import type { SocialInsuranceKind } from '../model/catalogue-parameters.model';
import type { Localized } from '../model/catalogue.model';
import { L } from './localized';

/** The five insurances' names, as the guide, the findings and the notices say them. */
export const SOCIAL_INSURANCE_NAMES: Readonly<Record<SocialInsuranceKind, Localized>> = {
  pension: L('基本养老保险', 'pension insurance'),
  medical: L('基本医疗保险', 'medical insurance'),
  work_injury: L('工伤保险', 'work-injury insurance'),
  unemployment: L('失业保险', 'unemployment insurance'),
  maternity: L('生育保险', 'maternity insurance'),
};
