export { scorePoints } from './points-score.rules';
export { classifyTalent } from './talent-classification.rules';
export { TalentError, TalentErrorCode } from './talent.exception';
export type {
  ClassificationOptions,
  PointsFactor,
  PointsFactorScore,
  PointsScore,
  ScoringOptions,
  TalentClassification,
  TalentExtra,
  TalentExtras,
  TalentProfile,
  TalentRoute,
} from './talent.model';
