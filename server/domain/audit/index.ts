// Audit: the append-only, hash-chained log of what happened in a show (stock, deals,
// auctions, giveaways, polls), its verifier, and the brand's export.
//
// The module's public door: code outside server/domain/audit/ imports from here, never from its
// inner files (eslint.config.mjs, "modules are used only through their index").
export { AUDIT_CSV_HEADER, exportShowAudit, type ShowAuditExport, showAuditCsv } from './audit-export';
export {
  appendShowAudit,
  type AuditDb,
  type AuditValue,
  canonicalForm,
  canonicalJson,
  type ChainVerdict,
  entryHash,
  flushPendingShowAudits,
  flushShowAudit,
  GENESIS_HASH,
  readShowAudit,
  SHOW_AUDIT_FORMAT,
  type ShowAuditEntry,
  verifyChain,
  verifyShowAudit,
} from './show-audit';
