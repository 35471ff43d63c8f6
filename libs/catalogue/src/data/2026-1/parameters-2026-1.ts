import type { CatalogueParameters } from '../../model/catalogue-parameters.model';

const RESIDENCE_PERMIT_MAX_MONTHS = 60;

/**
 * The defaults of catalogue 2026.1, from DOMAIN.md. Values DOMAIN.md marks [?] and values it does
 * not give are documented where they are set; the README lists them.
 */
export const PARAMETERS_2026_1: CatalogueParameters = {
  // [?] Configuration. An order-of-magnitude default (Shandong's urban non-private average annual
  // wage was roughly 100,000 RMB in 2023); set it to the figure the Weihai bureau publishes.
  localAverageAnnualWageCny: 100_000,

  talentClassification: {
    minimumAge: 18,
    // [?] Some cities use 7×; 6× is the national classification standard.
    categoryA: { salaryMultipleOfLocalAverage: 6, minimumPoints: 85 },
    // [?] The 60-point threshold is from secondary sources that agree.
    categoryB: { minimumEducation: 'bachelor', minimumExperienceYears: 2, salaryMultipleOfLocalAverage: 4, minimumPoints: 60, maximumAge: 60 },
  },

  points: {
    maximumTotal: 120,
    annualSalary: {
      unitCny: 10_000,
      bands: [
        { atLeast: 45, points: 20 },
        { atLeast: 35, points: 17 },
        { atLeast: 25, points: 14 },
        { atLeast: 15, points: 11 },
        { atLeast: 7, points: 8 },
        { atLeast: 5, points: 5 },
        { atLeast: 0, points: 0 },
      ],
    },
    // "PhD or top vocational certificate" scores as a doctorate; the table gives nothing below a bachelor.
    education: { doctorate: 20, master: 15, bachelor: 10, associate: 0, none: 0 },
    workExperience: { minimumYears: 2, pointsAtMinimum: 5, pointsPerFurtherYear: 1, maximum: 20 },
    monthsPerYearInChina: {
      bands: [
        { atLeast: 9, points: 15 },
        { atLeast: 6, points: 10 },
        { atLeast: 3, points: 5 },
        { atLeast: 0, points: 0 },
      ],
    },
    chineseLevel: { 'chinese-degree': 5, HSK6: 5, HSK5: 5, HSK4: 4, HSK3: 3, HSK2: 2, HSK1: 1, none: 0 },
    // Weihai is neither western, north-eastern / an old industrial base nor a special area.
    workLocation: { designatedRegionPoints: 10, designatedLocations: [] },
    age: {
      bands: [
        { atLeast: 61, points: 0 },
        { atLeast: 56, points: 5 },
        { atLeast: 46, points: 10 },
        { atLeast: 26, points: 15 },
        { atLeast: 18, points: 10 },
      ],
    },
    extras: { maximum: 5, continuousWorkInChinaYears: 5 },
    // [?] Shandong's local bonus rule was not found: configuration, 0 until it is.
    localBonus: { minimum: 0, maximum: 10, default: 0 },
  },

  workPermit: {
    reviewWorkingDays: { categoryA: 5, other: 10 },
    decisionWorkingDays: 20,
    decisionExtensionWorkingDays: 10,
    // [?] A and B from local practice; C one year is this catalogue's default.
    termCapYears: { A: 5, B: 2, C: 1 },
    changeWindowDays: 10,
    extensionWindowDays: { min: 30, max: 90 },
    cancellationWindowDays: 10,
    longTermStayDays: 90,
    priorPermitWaiverYears: 3,
  },

  residencePermit: {
    decisionCalendarDays: 15,
    applyWithinDaysOfEntry: 30,
    receiptValidityDays: 15,
    validity: { minDays: 90, maxMonths: RESIDENCE_PERMIT_MAX_MONTHS },
    // [?] Still current per DOMAIN.md's sources; the last band runs to the longest validity, 5 years inclusive.
    feeBands: [
      { belowMonths: 12, feeCny: 400 },
      { belowMonths: 36, feeCny: 800 },
      { belowMonths: RESIDENCE_PERMIT_MAX_MONTHS + 1, feeCny: 1000 },
    ],
    changeWindowDays: 10,
    // Exit-Entry Administration Law Art. 32: apply at least 30 days before expiry. No source sets an
    // earliest day, so none is set (a work permit extension, 30 to 90 days before, fits inside it).
    extensionWindowDays: { min: 30 },
    healthCertificateExemptUnderAge: 18,
    healthCertificateExemptOverAge: 70,
    highLevelTalentPracticeWorkingDays: 5,
  },

  socialInsurance: {
    registerWithinDaysOfPermit: 30,
    // Not given by DOMAIN.md: registration is usually done on the spot; 5 working days is the committed limit here.
    decisionWorkingDays: 5,
    // The bilateral social security agreements in force, and what each exempts its nationals from in
    // China on a certificate of coverage (DOMAIN.md: "follow the agreement"). Configuration: the
    // lists follow MOHRSS's published summaries as far as they were found; entries marked [?] are
    // this catalogue's best reading and must be confirmed against the agreement's text before use.
    agreements: {
      DEU: { exempt: ['pension', 'unemployment'] },
      KOR: { exempt: ['pension'] },
      DNK: { exempt: ['pension'] },
      FIN: { exempt: ['pension', 'unemployment'] },
      CAN: { exempt: ['pension'] },
      CHE: { exempt: ['pension', 'unemployment'] },
      NLD: { exempt: ['pension', 'unemployment'] },
      FRA: { exempt: ['pension'] },
      ESP: { exempt: ['pension', 'unemployment'] },
      // [?] Luxembourg, Serbia, Belgium and Uruguay: configuration defaults.
      LUX: { exempt: ['pension'] },
      JPN: { exempt: ['pension'] },
      SRB: { exempt: ['pension', 'unemployment'] },
      BEL: { exempt: ['pension', 'unemployment'] },
      URY: { exempt: ['pension'] },
    },
  },

  // Not given by DOMAIN.md: an expert committee sits in rounds; 60 working days is this catalogue's default.
  professionalTitle: { decisionWorkingDays: 60 },
  // Not given by DOMAIN.md: online registration with real-person verification, done the same day.
  electronicSocialSecurityCard: { decisionWorkingDays: 1 },
  // Not given by DOMAIN.md: automatic at submission; a match goes to joint review, which has no fixed limit.
  abnormalListScreening: { screeningWorkingDays: 1, nearMatchMaxNameEdits: 2 },

  materialValidity: { noCriminalRecordMonths: 6, healthCertificateMonths: 6, photoMonths: 6 },

  // [?] The plan gives no promises beyond each item's time limit, except in practice for the residence
  // permit (DOMAIN.md: Shanghai, 7 working days, within the law's 15 days): configuration defaults. The
  // residence permit is the one item needing a visit (photo and fingerprints at the exit-entry window).
  serviceCommitments: {
    WORK_PERMIT: { maxVisits: 0 },
    RESIDENCE_PERMIT: { promisedWorkingDays: 7, maxVisits: 1 },
    SOCIAL_INSURANCE: { maxVisits: 0 },
    PROFESSIONAL_TITLE: { maxVisits: 0 },
    E_SOCIAL_SECURITY_CARD: { maxVisits: 0 },
  },

  documents: {
    // Administrative Reconsideration Law (2023) art. 20; Administrative Litigation Law art. 46.
    reconsiderationDays: 60,
    litigationMonths: 6,
    // Not given by DOMAIN.md or the plan: 30 days is this catalogue's default for answering a supplement notice.
    supplementWithinDays: 30,
  },

  // Not law: this catalogue's defaults. A median of 20 decisions moves little with one more; a year's
  // decisions follow a change of practice within months while still covering every season's holidays.
  forecast: { minimumObservations: 20, observationWindowMonths: 12 },
};
