import { Field, inputClass } from '@/app/_components/ui';

// Address and card inputs shared by the wallet page and the one-tap sheet in the
// player. Names match addressInputSchema and cardInputSchema.

type ErrorOf = (name: string) => string | undefined;

function Input({ name, label, error, prefix, hint, ...props }: { name: string; label: string; error: ErrorOf; prefix: string; hint?: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  const id = `${prefix}-${name}`;
  const message = error(name);
  const describedBy = message ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <Field id={id} label={label} error={message} hint={hint}>
      <input id={id} name={name} className={inputClass} aria-invalid={message ? true : undefined} aria-describedby={describedBy} {...props} />
    </Field>
  );
}

export function AddressFields({ error, prefix = 'address' }: { error: ErrorOf; prefix?: string }) {
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-semibold">Shipping address</legend>
      <Input prefix={prefix} name="fullName" label="Full name" autoComplete="shipping name" required error={error} />
      <Input prefix={prefix} name="line1" label="Street address" autoComplete="shipping address-line1" required error={error} />
      <Input prefix={prefix} name="line2" label="Apartment, suite (optional)" autoComplete="shipping address-line2" error={error} />
      <div className="grid grid-cols-2 gap-3">
        <Input prefix={prefix} name="city" label="City" autoComplete="shipping address-level2" required error={error} />
        <Input prefix={prefix} name="region" label="Region (optional)" autoComplete="shipping address-level1" error={error} />
        <Input prefix={prefix} name="postalCode" label="Postal code" autoComplete="shipping postal-code" error={error} />
        <Input prefix={prefix} name="country" label="Country code" hint="Two letters, e.g. US" autoComplete="shipping country" maxLength={2} required error={error} />
      </div>
      <Input prefix={prefix} name="phone" label="Phone (optional)" type="tel" autoComplete="shipping tel" error={error} />
    </fieldset>
  );
}

export function CardFields({ error, prefix = 'card' }: { error: ErrorOf; prefix?: string }) {
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-semibold">Card</legend>
      <Input prefix={prefix} name="number" label="Card number" inputMode="numeric" autoComplete="cc-number" required error={error} hint="Test cards: 4242 4242 4242 4242 works, 4000 0000 0000 0002 is declined." />
      <div className="grid grid-cols-3 gap-3">
        <Input prefix={prefix} name="expMonth" label="Month" inputMode="numeric" autoComplete="cc-exp-month" placeholder="MM" maxLength={2} required error={error} />
        <Input prefix={prefix} name="expYear" label="Year" inputMode="numeric" autoComplete="cc-exp-year" placeholder="YY" maxLength={4} required error={error} />
        <Input prefix={prefix} name="cvc" label="Security code" inputMode="numeric" autoComplete="cc-csc" maxLength={4} required error={error} />
      </div>
      <Input prefix={prefix} name="holder" label="Name on card" autoComplete="cc-name" required error={error} />
    </fieldset>
  );
}
