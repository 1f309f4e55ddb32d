'use server';

import { randomUUID } from 'node:crypto';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { formAction, type ActionState } from '@/app/_lib/action';
import { importCatalogCsv, MAX_IMPORT_BYTES, type ImportCounts, type ImportPreviewLine, type ImportRowError } from '@/server/domain/catalog-csv';
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
    .instanceof(File, { message: 'Choose a CSV file.' })
    .refine((file) => file.size > 0, 'Choose a CSV file.')
    .refine((file) => file.size <= MAX_IMPORT_BYTES, 'The file is larger than 2 MB. Split it into smaller files.'),
});
const applySchema = z.object({ csv: z.string().min(1, 'Preview a file first.').max(MAX_IMPORT_BYTES * 2) });

function summary(counts: ImportCounts, applied: boolean): string {
  const parts = [
    `${counts.productsCreated} new ${counts.productsCreated === 1 ? 'product' : 'products'}`,
    `${counts.variantsCreated} new ${counts.variantsCreated === 1 ? 'variant' : 'variants'}`,
    `${counts.variantsUpdated} updated`,
    `${counts.unchanged} unchanged`,
  ];
  return `${applied ? 'Imported' : 'Ready to import'}: ${parts.join(', ')}.`;
}

async function run(slug: string, csv: string, dryRun: boolean, user: { id: string; name: string }): Promise<{ state: ActionState; extra: Omit<ImportState, keyof ActionState> }> {
  const result = await importCatalogCsv(services().db, { userId: user.id, name: user.name }, slug, csv, { dryRun });
  if (!result.ok) {
    const rows = new Set(result.errors.map((e) => e.row)).size;
    return { state: { ok: false, code: 'INVALID_INPUT', message: `Nothing was imported: ${rows} ${rows === 1 ? 'row needs' : 'rows need'} fixing. Correct the file and preview it again.` }, extra: { errors: result.errors } };
  }
  if (!dryRun) revalidatePath(productsPath(slug));
  return { state: { ok: true, message: summary(result.counts, result.applied) }, extra: { preview: result, ...(dryRun ? { csv, previewId: randomUUID() } : {}) } };
}

// formAction's body answers a plain ActionState; the preview rides alongside it.
export async function previewImportAction(slug: string, _previous: ImportState | null, form: FormData): Promise<ImportState> {
  let extra: Omit<ImportState, keyof ActionState> = {};
  const state = await formAction(previewSchema, form, async ({ file }, user) => {
    const outcome = await run(slug, await file.text(), true, user);
    extra = outcome.extra;
    return outcome.state;
  });
  return { ...state, ...extra };
}

export async function applyImportAction(slug: string, _previous: ImportState | null, form: FormData): Promise<ImportState> {
  let extra: Omit<ImportState, keyof ActionState> = {};
  const state = await formAction(applySchema, form, async ({ csv }, user) => {
    const outcome = await run(slug, csv, false, user);
    extra = outcome.extra;
    return outcome.state;
  });
  return { ...state, ...extra };
}
