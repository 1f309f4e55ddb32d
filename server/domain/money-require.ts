// An amount the server requires, refused as INVALID_AMOUNT. Apart from money-input.ts
// because AppError (server/domain/errors.ts) brings the English errors dictionary,
// which client components using the parser must not download.
import { AppError } from './errors';
import { parseMoney, type MoneyProblem } from './money-input';

/** INVALID_AMOUNT, saying which field and why. */
export class MoneyInputError extends AppError<'INVALID_AMOUNT'> {
  constructor(
    readonly field: string,
    readonly problem: MoneyProblem,
    text: string,
    currency: string,
  ) {
    super('INVALID_AMOUNT', `${field} "${text}" in ${currency}: ${problem}`);
  }
}

/** The amount in minor units, or a MoneyInputError naming the field. */
export function requireMoney(text: string, currency: string, field: string): number {
  const parsed = parseMoney(text, currency);
  if (!parsed.ok) throw new MoneyInputError(field, parsed.problem, text, currency);
  return parsed.minor;
}
