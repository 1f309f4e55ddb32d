'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { useI18n } from '@/app/_i18n/client';
import type { MessageKey } from '@/app/_i18n/translate';
import { FormMessage, primaryButtonClass, secondaryButtonClass, TableScroller } from '@/app/_components/ui';
import type { ImportPreviewLine } from '@/server/domain/catalog';
import type { PlanAction } from '@/server/domain/catalog';
import type { ImportState } from './actions';

type Action = (state: ImportState | null, form: FormData) => Promise<ImportState>;

// Thousands of rows would make a page nobody reads; the counts above cover the rest.
const SHOWN_ROWS = 200;

const ACTION_LABELS: Record<PlanAction, MessageKey> = {
  create: 'dashboard.csvImport.actions.create',
  update: 'dashboard.csvImport.actions.update',
  unchanged: 'dashboard.csvImport.actions.unchanged',
};

function PreviewTable({ lines }: { lines: ImportPreviewLine[] }) {
  const { t, format } = useI18n();
  return (
    <TableScroller label={t('dashboard.csvImport.tableCaption')} className="rounded-xl border border-neutral-200">
      <table className="w-full min-w-[36rem] text-left text-sm">
        <caption className="sr-only">{t('dashboard.csvImport.tableCaption')}</caption>
        <thead className="bg-neutral-50 text-xs uppercase text-neutral-600">
          <tr>
            <th scope="col" className="px-3 py-2">
              {t('dashboard.csvImport.columns.row')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('dashboard.csvImport.columns.product')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('dashboard.csvImport.columns.variant')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('dashboard.csvImport.columns.sku')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('dashboard.csvImport.columns.change')}
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              {t('dashboard.csvImport.columns.price')}
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              {t('dashboard.csvImport.columns.stock')}
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.slice(0, SHOWN_ROWS).map((line) => (
            <tr key={line.row} className="border-t border-neutral-100">
              <td className="px-3 py-2 tabular-nums">{line.row}</td>
              <td className="px-3 py-2">
                {line.productTitle}
                {line.productAction === 'create' && (
                  <span className="ml-1 text-xs text-emerald-800">{t('dashboard.csvImport.newProduct')}</span>
                )}
              </td>
              <td className="px-3 py-2">{line.variantName}</td>
              <td className="px-3 py-2 font-mono text-xs">{line.sku}</td>
              <td className="px-3 py-2">{t(ACTION_LABELS[line.action])}</td>
              <td className="px-3 py-2 text-right tabular-nums">{line.price}</td>
              <td className="px-3 py-2 text-right tabular-nums">{format.number(line.stock)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {lines.length > SHOWN_ROWS && (
        <p className="border-t border-neutral-100 px-3 py-2 text-sm text-neutral-600">
          {t('dashboard.csvImport.moreRows', { count: lines.length - SHOWN_ROWS })}
        </p>
      )}
    </TableScroller>
  );
}

/** The row problems, each already in the reader's language (the action translates its reason and params). */
function ErrorList({ errors }: { errors: NonNullable<ImportState['errors']> }) {
  const { t } = useI18n();
  return (
    <div className="rounded-xl border border-red-200">
      <h2 className="border-b border-red-200 bg-red-50 px-3 py-2 text-sm font-semibold text-red-900">
        {t('dashboard.csvImport.rowsToFix')}
      </h2>
      <ul className="divide-y divide-neutral-100 text-sm">
        {errors.slice(0, SHOWN_ROWS).map((error, index) => (
          <li key={index} className="px-3 py-2">
            <span className="font-semibold">{t('dashboard.csvImport.rowNumber', { row: error.row })}</span>
            {error.sku && <span className="font-mono text-xs"> · {error.sku}</span>}: {error.message}
          </li>
        ))}
      </ul>
      {errors.length > SHOWN_ROWS && (
        <p className="px-3 py-2 text-sm text-neutral-600">{t('dashboard.csvImport.moreErrors', { count: errors.length - SHOWN_ROWS })}</p>
      )}
    </div>
  );
}

/** The preview of one file and the button that applies it; a new preview starts a new one. */
function ApplyStep({
  preview,
  applyAction,
  productsHref,
}: {
  preview: ImportState & { csv: string };
  applyAction: Action;
  productsHref: string;
}) {
  const [applied, submitApply, applying] = useActionState(applyAction, null);
  const { t } = useI18n();
  // Once applied, the answer replaces the preview: the data may have changed in between.
  const current = applied ?? preview;
  return (
    <div className="space-y-4">
      <div aria-live="polite" className="space-y-4">
        <FormMessage state={current} />
        {current.errors && current.errors.length > 0 && <ErrorList errors={current.errors} />}
      </div>
      {current.preview && <PreviewTable lines={current.preview.lines} />}
      {applied?.ok ? (
        <Link href={productsHref} className={secondaryButtonClass}>
          {t('dashboard.csvImport.backToProducts')}
        </Link>
      ) : (
        <form action={submitApply}>
          <input type="hidden" name="csv" value={preview.csv} />
          <button type="submit" className={primaryButtonClass} disabled={applying}>
            {t(applying ? 'dashboard.csvImport.importing' : 'dashboard.csvImport.apply')}
          </button>
        </form>
      )}
    </div>
  );
}

export function ImportForm({
  previewAction,
  applyAction,
  productsHref,
}: {
  previewAction: Action;
  applyAction: Action;
  productsHref: string;
}) {
  const [preview, submitPreview, previewing] = useActionState(previewAction, null);
  const { t } = useI18n();
  const fileError = preview && !preview.ok ? preview.fieldErrors?.file : undefined;

  return (
    <div className="space-y-6">
      <form action={submitPreview} className="space-y-3 rounded-xl border border-neutral-200 p-4">
        <label htmlFor="file" className="block text-sm font-medium">
          {t('dashboard.csvImport.fileLabel')}
        </label>
        <input
          id="file"
          name="file"
          type="file"
          required
          accept=".csv,text/csv"
          aria-describedby={fileError ? 'file-error' : 'file-hint'}
          aria-invalid={fileError ? true : undefined}
          className="block w-full text-sm file:mr-3 file:rounded-full file:border-0 file:bg-neutral-100 file:px-4 file:py-2 file:font-semibold hover:file:bg-neutral-200"
        />
        {fileError ? (
          <p id="file-error" className="text-xs font-medium text-red-700">
            {fileError}
          </p>
        ) : (
          <p id="file-hint" className="text-xs text-neutral-600">
            {t('dashboard.csvImport.fileHint')}
          </p>
        )}
        <button type="submit" className={primaryButtonClass} disabled={previewing}>
          {t(previewing ? 'dashboard.csvImport.checking' : 'dashboard.csvImport.preview')}
        </button>
      </form>

      {preview?.ok && preview.csv ? (
        <ApplyStep
          key={preview.previewId}
          preview={{ ...preview, csv: preview.csv }}
          applyAction={applyAction}
          productsHref={productsHref}
        />
      ) : (
        preview &&
        !fileError && (
          <div aria-live="polite" className="space-y-4">
            <FormMessage state={preview} />
            {preview.errors && preview.errors.length > 0 && <ErrorList errors={preview.errors} />}
          </div>
        )
      )}
    </div>
  );
}
