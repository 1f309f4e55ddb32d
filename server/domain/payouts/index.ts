// Co-host payouts (issue 18 item 2): shares of a show's commission per host (per show or per
// product), a ledger of credits and refund reversals per host per order line.
export {
  getHostShares,
  type HostShareInput,
  type HostShareView,
  hostSharesSchema,
  HOSTS_PER_SHOW_MAX,
  setHostShares,
  splitLargestRemainder,
} from './shares';
