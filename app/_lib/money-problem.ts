import type { Translate } from '@/app/_i18n/translate';
import { moneyExample, type MoneyProblem } from '@/server/domain/money-input';
import { currencyFormat } from '@/server/domain/money-format';

/** What is wrong with a typed amount, in the reader's language, for a form that parses it in the browser. */
export function moneyProblemText(t: Translate, problem: MoneyProblem, text: string, currency: string): string {
  const example = moneyExample(currency);
  switch (problem) {
    case 'EMPTY':
    case 'MALFORMED':
      return t('dashboard.money.malformed', { example });
    case 'AMBIGUOUS':
      return t('dashboard.money.ambiguous', { text: text.trim(), example });
    case 'TOO_MANY_DECIMALS':
      return t('dashboard.money.decimals', { currency, digits: String(currencyFormat(currency).digits) });
    case 'WHOLE_NUMBER':
      return t('dashboard.money.whole', { currency, example });
    case 'TOO_LARGE':
      return t('dashboard.money.tooLarge');
    default: {
      const unreachable: never = problem;
      return unreachable;
    }
  }
}
