import type { CaseBody } from '@work-permit/agency-review';
import type { CatalogueParameters, ChineseLevel, Education } from '@work-permit/catalogue';
import type { TalentProfile } from './domain';

/** The optional `talent` section of the form: what the applicant declares besides the fixed paths. */
interface TalentSection {
  recognition?: string;
  topOverseasUniversity?: boolean;
  fortuneGlobal500Employer?: boolean;
  patentHolder?: boolean;
  continuousWorkInChina?: boolean;
}

/** What the points table and the category routes read from the case body. */
export function talentProfileOf(body: CaseBody, parameters: CatalogueParameters): TalentProfile {
  const { applicant, employment } = body;
  const talent = talentSection(body);
  return {
    birthDate: applicant.birthDate,
    // scorePoints refuses a value its table does not know, so these two are checked there.
    education: applicant.education as Education,
    chineseLevel: applicant.chineseLevel as ChineseLevel,
    workExperienceYears: applicant.workExperienceYears,
    annualSalaryCny: employment.annualSalaryCny,
    monthsPerYearInChina: employment.monthsPerYearInChina,
    workLocation: employment.workLocation,
    extras: {
      topOverseasUniversity: talent.topOverseasUniversity === true,
      fortuneGlobal500Employer: talent.fortuneGlobal500Employer === true,
      patentHolder: talent.patentHolder === true,
      // The form asks whether the applicant has worked in China for at least the table's years, not how many.
      continuousYearsWorkingInChina: talent.continuousWorkInChina === true ? parameters.points.extras.continuousWorkInChinaYears : undefined,
    },
  };
}

/** The talent programme or recognised achievement the applicant declares, if any. */
export function declaredRecognition(body: CaseBody): string | undefined {
  const { recognition } = talentSection(body);
  return typeof recognition === 'string' && recognition.trim() !== '' ? recognition.trim() : undefined;
}

function talentSection(body: CaseBody): TalentSection {
  return (body.talent ?? {}) as TalentSection;
}
