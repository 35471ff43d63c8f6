export { GuideError, GuideErrorCode } from './guide.exception';
export type {
  ApprovalStage,
  DotRenderer,
  FlowChart,
  GuideItemRef,
  GuideSection,
  OneThingGuide,
  OneThingMaterial,
  OneThingReduction,
  OneThingSectionId,
  ServiceGuide,
  ServiceGuideSectionId,
} from './guide.types';
export { serviceGuide } from './service-guide';
export { oneThingGuide, type OneThingGuideOptions } from './one-thing-guide';
export { flowChart, FLOW_CHART_FONTS } from './flow-chart';
export { renderFlowChartSvg, renderDotToSvg, closeFlowChartRenderer } from './flow-chart-renderer';
export {
  flowChartDocuments,
  staleFlowChartDocuments,
  writeFlowChartDocuments,
  FLOW_CHART_REGENERATE_COMMAND,
  type FlowChartDocument,
} from './flow-chart-docs';
