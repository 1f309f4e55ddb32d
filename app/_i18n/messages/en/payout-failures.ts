// Connect payouts and reversals Stripe refused on every attempt (issue 21), on the brand's Payments page.
export const payoutFailures = {
  heading: 'Payouts Stripe refused',
  explanation:
    'Stripe refused these transfers several times and we stopped trying. A reversal takes a refunded order’s share back from a connected account; Stripe refuses it when that account’s balance is too low. A payout sends an order’s money to a connected account; Stripe refuses it when the platform’s balance does not hold the funds yet or the account cannot receive transfers. Fix the cause in Stripe, then try again.',
  payout: 'Payout of order #{number}',
  reversal: 'Reversal for order #{number}',
  step: '{amount} to {account}',
  reversalStep: '{amount} from {account}',
  nothingOwed: 'Nothing is owed any more: trying again closes it.',
  stripeSaid: 'Stripe said: {error}',
  failedAt: 'Stopped trying {time}',
  tryAgain: 'Try again',
  queued: 'Queued: it runs again in a moment. Reload to see the result.',
  alreadyQueued: 'It is already queued.',
} as const;
