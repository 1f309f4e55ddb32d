'use server';

import { randomUUID } from 'node:crypto';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { errorText } from '@/app/_i18n/error-text';
import { getI18n } from '@/app/_i18n/server';
import type { Translate } from '@/app/_i18n/translate';
import { formAction, type ActionState } from '@/app/_lib/action';
import { localiseState } from '@/app/dashboard/_i18n/localise-state';
import {
  importCatalogCsv,
  MAX_IMPORT_BYTES,
  type ImportCounts,
  type ImportPreviewLine,
  type ImportRowError,
} from '@/server/domain/catalog';
import type { ErrorKey } from '@/server/domain/errors';
import { services } from '@/server/services';
import { productsPath } from '../brand-context';

/** What the import page shows after a step: the preview, the row errors, and the file to apply. */
export type ImportState = ActionState & {
  preview?: { counts: ImportCounts; lines: ImportPreviewLine[]; applied: boolean };
  errors?: ImportRowError[];
  /** The previewed file, sent back so "Apply" imports exactly what was shown. */
  csv?: string;
  /** New for every preview, so the page starts a fresh apply step for it. */
  previewId?: string;
};

const previewSchema = z.object({
  file: z
    .instanceof(File, { message: 'CSV_CHOOSE_FILE' })
    .refine((file) => file.size > 0, 'CSV_CHOOSE_FILE')
    .refine((file) => file.size <= MAX_IMPORT_BYTES, 'CSV_TOO_LARGE' satisfies ErrorKey),
});
const applySchema = z.object({
  csv: z
    .string()
    .min(1, 'CSV_PREVIEW_FIRST')
    .max(MAX_IMPORT_BYTES * 2),
});

function summary(t: Translate, intl: string, counts: ImportCounts, applied: boolean): string {
  const parts = [
    t('dashboard.csvImport.summaryNewProducts', { count: counts.productsCreated }),
    t('dashboard.csvImport.summaryNewVariants', { count: counts.variantsCreated }),
    t('dashboard.csvImport.summaryUpdated', { count: counts.variantsUpdated }),
    t('dashboard.csvImport.summaryUnchanged', { count: counts.unchanged }),
  ];
  const list = new Intl.ListFormat(intl, { type: 'unit', style: 'short' }).format(parts);
  return t(applied ? 'dashboard.csvImport.imported' : 'dashboard.csvImport.readyToImport', { summary: list });
}

async function run(
  slug: string,
  csv: string,
  dryRun: boolean,
  user: { id: string; name: string },
): Promise<{ state: ActionState; extra: Omit<ImportState, keyof ActionState> }> {
  const { t, intl } = await getI18n();
  const result = await importCatalogCsv(services().db, { userId: user.id, name: user.name }, slug, csv, { dryRun });
  if (!result.ok) {
    const rows = new Set(result.errors.map((e) => e.row)).size;
    return {
      state: { ok: false, code: 'INVALID_INPUT', message: t('dashboard.csvImport.nothingImported', { count: rows }) },
      // Each row problem in the reader's language, from its reason and params.
      extra: { errors: result.errors.map((error) => ({ ...error, message: errorText(t, { code: error.reason, params: error.params }) })) },
    };
  }
  if (!dryRun) revalidatePath(productsPath(slug));
  return {
    state: { ok: true, message: summary(t, intl, result.counts, result.applied) },
    extra: { preview: result, ...(dryRun ? { csv, previewId: randomUUID() } : {}) },
  };
}

async function localised(state: ActionState, extra: Omit<ImportState, keyof ActionState>): Promise<ImportState> {
  const { t } = await getI18n();
  return {
    ...localiseState(state, t, {
      file: 'dashboard.csvImport.errors.chooseFile',
      csv: 'dashboard.csvImport.errors.previewFirst',
    }),
    ...extra,
  };
}

// formAction's body answers a plain ActionState; the preview rides alongside it.
export async function previewImportAction(slug: string, _previous: ImportState | null, form: FormData): Promise<ImportState> {
  let extra: Omit<ImportState, keyof ActionState> = {};
  const state = await formAction(previewSchema, form, async ({ file }, user) => {
    const outcome = await run(slug, await file.text(), true, user);
    extra = outcome.extra;
    return outcome.state;
  });
  return localised(state, extra);
}

export async function applyImportAction(slug: string, _previous: ImportState | null, form: FormData): Promise<ImportState> {
  let extra: Omit<ImportState, keyof ActionState> = {};
  const state = await formAction(applySchema, form, async ({ csv }, user) => {
    const outcome = await run(slug, csv, false, user);
    extra = outcome.extra;
    return outcome.state;
  });
  return localised(state, extra);
}
