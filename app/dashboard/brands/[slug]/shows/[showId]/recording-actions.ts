'use server';

import { revalidatePath } from 'next/cache';
import { requirePageUser } from '@/app/_lib/action';
import { deleteRecording } from '@/server/domain/recordings';
import { services } from '@/server/services';

/** The brand deletes a finished recording: its segments and playlist leave the store, the replay answers 404. */
export async function deleteRecordingAction(slug: string, showId: string, recordingId: string): Promise<void> {
  const page = `/dashboard/brands/${slug}/shows/${showId}`;
  const user = await requirePageUser(page);
  const { db, storage } = services();
  await deleteRecording(db, storage, { userId: user.id, name: user.name }, recordingId);
  revalidatePath(page);
}
