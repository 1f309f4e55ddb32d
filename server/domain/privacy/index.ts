// Personal data (issue 20 item 7): the download of everything the app holds about a person, and
// deleting an account, which erases that person from every table, stored email, job payload and
// webhook log (docs/security.md, "Personal data").
//
// The module's public door: code outside server/domain/privacy/ imports from here, never from its
// inner files (eslint.config.mjs, "modules are used only through their index").
export { accountDeletedJob, type StripeCustomerRef, type StripeOpener } from './account-deleted';
export { deleteAccount, type DeleteAccountInput, deleteAccountSchema, deleteMyAccount } from './delete-account';
export {
  anonymiseFinishedOrders,
  anonymiseFinishedOrdersOfDeletedAccounts,
  DELETED_NAME,
  FINISHED_ORDER_STATUSES,
  REDACTED,
} from './erase';
export { DATA_EXPORT_SCHEMA_VERSION, DATA_EXPORT_THROTTLE, exportMyData } from './export-data';
