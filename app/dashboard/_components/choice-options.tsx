import type { Choice } from '@/app/_lib/zone-and-currency-choices';

/** A select's options from labelled choices (time zones, currencies), the value posted as is. */
export function ChoiceOptions({ choices }: { choices: Choice[] }) {
  return choices.map((choice) => (
    <option key={choice.value} value={choice.value}>
      {choice.label}
    </option>
  ));
}
