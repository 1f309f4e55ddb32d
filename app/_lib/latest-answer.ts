/**
 * For requests whose answers each replace the whole view (the bag): the server may answer two
 * requests out of order (its handlers await the database), and an older answer applied last
 * would undo a newer one — a rejoin's refresh landing after a coupon's refusal wiped the refusal.
 * Number each request as it is sent; an answer older than the last one applied is dropped.
 */
export function latestAnswerGate() {
  let issued = 0;
  let applied = 0;
  return {
    /** Call as the request is sent. */
    issue: () => ++issued,
    /** Whether the answer to request `ticket` may be applied (and records it as the newest). */
    admit(ticket: number): boolean {
      if (ticket < applied) return false;
      applied = ticket;
      return true;
    },
  };
}
