// Campaigns: marketing email within the consent log (purpose 'email.marketing') with one-click
// unsubscribe: segments and their count, campaigns with per-language templates, A/B subjects, open and
// click tracking and results; the abandoned-bag follow-up and "the replay is ready" (issue 20 item 3).
//
// The module's public door: code outside server/domain/campaigns/ imports from here, never from its
// inner files (eslint.config.mjs, "modules are used only through their index").
export { followUpAbandonedBags, type AbandonedBagConfig } from './abandoned-bag';
export { variantFor, type CampaignVariant } from './ab-split';
export {
  type CampaignInput,
  type CampaignSummary,
  createCampaign,
  listCampaigns,
  previewCampaignEmail,
  previewSegmentCount,
  scheduleCampaign,
  unscheduleCampaign,
  type VariantResults,
} from './campaigns';
export { hasMarketingConsent, MARKETING_PURPOSE, setMarketingConsent } from './consent';
export { replayReadyJob, queueReplayReady } from './replay-ready';
export { CAMPAIGN_LOCALES, countSegment, type Segment, segmentMembers, segmentSchema } from './segments';
export { sendCampaignJob } from './send';
export { previewMarketingUnsubscribe, recordClick, recordOpen, unsubscribeFromMarketing } from './tracking';
