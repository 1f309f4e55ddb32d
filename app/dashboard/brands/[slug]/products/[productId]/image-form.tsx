'use client';

import { useActionState, useEffect, useState } from 'react';
import { FormMessage, primaryButtonClass } from '@/app/_components/ui';
import type { ActionState } from '@/app/_lib/action';

/** Upload with a preview of the chosen file before it is sent. */
export function ImageForm({ action, currentUrl, title }: { action: (state: ActionState | null, form: FormData) => Promise<ActionState>; currentUrl: string | null; title: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  const [previewUrl, setPreviewUrl] = useState<string | null>(null);
  // Object URLs hold the file in memory until revoked.
  useEffect(() => () => void (previewUrl && URL.revokeObjectURL(previewUrl)), [previewUrl]);
  const error = state && !state.ok ? state.fieldErrors?.image : undefined;
  const shown = previewUrl ?? currentUrl;

  return (
    <form action={formAction} className="flex flex-col gap-3 sm:flex-row sm:items-start">
      <div className="flex size-32 shrink-0 items-center justify-center overflow-hidden rounded-xl border border-neutral-200 bg-neutral-50">
        {shown ? <img src={shown} alt={previewUrl ? `Preview of the new image for ${title}` : `Current image of ${title}`} className="size-full object-cover" /> : <span className="px-2 text-center text-xs text-neutral-600">No image yet</span>}
      </div>
      <div className="min-w-0 flex-1 space-y-2">
        <label htmlFor="image" className="block text-sm font-medium">
          Product image
        </label>
        <input
          id="image"
          name="image"
          type="file"
          required
          accept="image/png,image/jpeg,image/webp,image/gif"
          aria-describedby={error ? 'image-error' : 'image-hint'}
          aria-invalid={error ? true : undefined}
          onChange={(e) => {
            const file = e.target.files?.[0];
            setPreviewUrl(file ? URL.createObjectURL(file) : null);
          }}
          className="block w-full text-sm file:mr-3 file:rounded-full file:border-0 file:bg-neutral-100 file:px-4 file:py-2 file:font-semibold hover:file:bg-neutral-200"
        />
        {error ? (
          <p id="image-error" className="text-xs font-medium text-red-700">
            {error}
          </p>
        ) : (
          <p id="image-hint" className="text-xs text-neutral-600">
            PNG, JPEG, WebP or GIF, up to 5 MB. A square image looks best.
          </p>
        )}
        <button type="submit" className={primaryButtonClass} disabled={pending}>
          {pending ? 'Uploading…' : 'Upload image'}
        </button>
        <FormMessage state={state && (state.ok || !error) ? state : null} />
      </div>
    </form>
  );
}
