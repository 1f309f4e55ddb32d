'use client';

import { useActionState, useRef, useState, useTransition } from 'react';
import { FormMessage, primaryButtonClass, secondaryButtonClass } from '@/app/_components/ui';
import { countSegmentAction, createCampaignAction } from './actions';

/** Every word of the form, from the page (server) in the visitor's language: the dashboard's client messages stay as they are. */
export interface CampaignFormText {
  newHeading: string;
  name: string;
  segmentHeading: string;
  followers: string;
  attended: string;
  boughtWithin: string;
  languages: string;
  countries: string;
  countButton: string;
  messageHeading: string;
  defaultLocale: string;
  subject: string;
  subjectB: string;
  body: string;
  splitB: string;
  trackOpens: string;
  trackClicks: string;
  sendAt: string;
  create: string;
}

const field = 'mt-1 w-full rounded-lg border border-neutral-300 px-3 py-2 text-base';

export function CampaignForm({
  slug,
  text,
  languages,
}: {
  slug: string;
  text: CampaignFormText;
  languages: { locale: string; name: string }[];
}) {
  const [state, formAction, pending] = useActionState(createCampaignAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  const [count, setCount] = useState<string | null>(null);
  const [counting, startCounting] = useTransition();
  const countNow = () =>
    startCounting(async () => {
      if (!formRef.current) return;
      setCount(await countSegmentAction(new FormData(formRef.current)));
    });
  return (
    <form ref={formRef} action={formAction} className="space-y-5" aria-label={text.newHeading}>
      <input type="hidden" name="slug" value={slug} />
      <label className="block text-sm font-medium">
        {text.name}
        <input name="name" required maxLength={120} className={field} />
      </label>
      <fieldset className="space-y-2">
        <legend className="font-semibold">{text.segmentHeading}</legend>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="followers" defaultChecked className="size-4" /> {text.followers}
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="attended" className="size-4" /> {text.attended}
        </label>
        <label className="block text-sm">
          {text.boughtWithin}
          <input name="boughtWithinDays" inputMode="numeric" pattern="[0-9]*" className={field} />
        </label>
        <p className="text-sm">{text.languages}</p>
        <div className="flex flex-wrap gap-3">
          {languages.map((l) => (
            <label key={l.locale} className="flex items-center gap-1">
              <input type="checkbox" name={`lang.${l.locale}`} className="size-4" /> {l.name}
            </label>
          ))}
        </div>
        <label className="block text-sm">
          {text.countries}
          <input name="countries" className={field} placeholder="Cambodia, Laos, Mongolia" />
        </label>
        <button type="button" onClick={countNow} disabled={counting} className={secondaryButtonClass}>
          {text.countButton}
        </button>
        {count !== null && (
          <p role="status" className="text-sm text-neutral-700">
            {count}
          </p>
        )}
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="font-semibold">{text.messageHeading}</legend>
        <label className="block text-sm">
          {text.defaultLocale}
          <select name="defaultLocale" className={field} defaultValue="en">
            {languages.map((l) => (
              <option key={l.locale} value={l.locale}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
        {languages.map((l, i) => (
          <details key={l.locale} open={i === 0} className="rounded-lg border border-neutral-200 p-3">
            <summary className="cursor-pointer font-medium">{l.name}</summary>
            <label className="mt-2 block text-sm">
              {text.subject} ({l.name})
              <input name={`subject.${l.locale}`} maxLength={200} className={field} />
            </label>
            <label className="mt-2 block text-sm">
              {text.subjectB} ({l.name})
              <input name={`subjectB.${l.locale}`} maxLength={200} className={field} />
            </label>
            <label className="mt-2 block text-sm">
              {text.body} ({l.name})
              <textarea name={`body.${l.locale}`} rows={6} maxLength={20000} className={field} />
            </label>
          </details>
        ))}
        <label className="block text-sm">
          {text.splitB}
          <input name="splitPercentB" inputMode="numeric" pattern="[0-9]*" defaultValue="0" className={field} />
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="trackOpens" defaultChecked className="size-4" /> {text.trackOpens}
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="trackClicks" defaultChecked className="size-4" /> {text.trackClicks}
        </label>
        <label className="block text-sm">
          {text.sendAt}
          <input type="datetime-local" name="sendAt" className={field} />
        </label>
      </fieldset>
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className={`${primaryButtonClass} w-full sm:w-auto`}>
        {text.create}
      </button>
    </form>
  );
}
