// Analytics (issue 20 item 1): the audience's events written in batches while a show runs,
// and the post-show report and brand dashboard computed from them and from the orders.
//
// The module's public door: code outside server/domain/analytics/ imports from here only.
export { AnalyticsWriter, type AnalyticsEvent, type AnalyticsKind, type AnalyticsWriterOptions } from './writer';
export { getShowReport, type ReportMoment, type ShowReport } from './report';
export { showReportCsv } from './report-csv';
export { getBrandShowFigures, type BrandShowFigures } from './dashboard';
export type { FunnelRow } from './compute';
