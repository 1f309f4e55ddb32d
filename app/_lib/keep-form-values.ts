import { startTransition, type FormEvent } from 'react';

/**
 * Submits a form to its useActionState action without React's automatic reset.
 * A form given as `<form action>` is cleared after every run, refusals included,
 * so a buyer who mistyped one field would type them all again; sent from
 * onSubmit inside a transition, the values stay and `pending` still works.
 */
export function keepValuesOnSubmit(dispatch: (form: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => dispatch(form));
  };
}
