// An amount the server requires, refused as INVALID_AMOUNT with the reason of why. Apart from
// money-input.ts because AppError (server/domain/errors.ts) brings the English errors dictionary,
// which client components using the parser must not download.
import { AppError, type ParamsOf } from './errors';
import { moneyRefusal, parseMoney, type AmountReason, type MoneyProblem } from './money-input';

/** INVALID_AMOUNT with the reason and params of why; `field` names the input for the logs. */
export class MoneyInputError extends AppError<AmountReason> {
  constructor(
    readonly field: string,
    readonly problem: MoneyProblem,
    text: string,
    currency: string,
  ) {
    const refusal = moneyRefusal(text, currency, problem);
    super(refusal.reason, refusal.params as ParamsOf<AmountReason>, `${field} "${text}" in ${currency}: ${problem}`);
  }
}

/** The amount in minor units, or a MoneyInputError naming the field. */
export function requireMoney(text: string, currency: string, field: string): number {
  const parsed = parseMoney(text, currency);
  if (!parsed.ok) throw new MoneyInputError(field, parsed.problem, text, currency);
  return parsed.minor;
}
