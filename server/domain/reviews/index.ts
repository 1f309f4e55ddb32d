// Product reviews (issue 20 item 6): verified buyers rate and review what was delivered to them;
// viewers report and find reviews helpful; brands moderate and reply. Ratings are computed in SQL
// from the published reviews; `review.published` and `review.hidden` go through the outbox.
//
// The module's public door: code outside server/domain/reviews/ imports from here, never from its
// inner files (eslint.config.mjs, "modules are used only through their index").
export {
  type MyReview,
  orderReviewInvites,
  type ReviewEligibility,
  reviewEligibility,
  type ReviewRefusal,
  submitReview,
} from './review-buyer';
export {
  hideReview,
  listBrandReviews,
  MODERATION_FILTERS,
  type ModerationFilter,
  type QueueReview,
  replyToReview,
  unhideReview,
} from './review-moderation';
export {
  listProductReviews,
  markReviewHelpful,
  type PublicReview,
  type RatingSummary,
  ratingSummaries,
  ratingSummary,
  reportReview,
  type ReviewPage,
  showProductRatings,
} from './review-public';
export {
  HIDE_REASON_MAX,
  REPORT_REASONS,
  REPORT_THRESHOLD,
  type ReportReason,
  REVIEW_BODY_MAX,
  REVIEW_REPLY_MAX,
  REVIEW_SORTS,
  type ReviewSort,
  REVIEWS_PAGE_SIZE,
} from './review-schema';
