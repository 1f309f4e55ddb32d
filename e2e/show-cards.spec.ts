import { expect, test } from './support/fixtures';
import { scheduleShowLikeDemo } from './support/shows';

test('an upcoming show whose start has passed says it is starting any moment on its card, not a date in the past', async ({ page, db }) => {
  const late = await scheduleShowLikeDemo(db, 'late');
  const later = await scheduleShowLikeDemo(db, 'later');
  const suffix = late.showId.slice(-8);
  await db.query(`UPDATE "Show" SET title = $2, "scheduledStart" = now() - interval '20 minutes' WHERE id = $1`, [
    late.showId,
    `Host is late ${suffix}`,
  ]);
  await db.query(`UPDATE "Show" SET title = $2 WHERE id = $1`, [later.showId, `On time ${suffix}`]);
  await page.goto('/');
  const upcoming = page.getByRole('region', { name: 'Upcoming' });
  const card = (title: string) => upcoming.getByRole('listitem').filter({ hasText: title });
  await expect(card(`Host is late ${suffix}`)).toContainText('Starting any moment');
  await expect(card(`On time ${suffix}`).locator('time')).toHaveAttribute('datetime', /^\d{4}-/);
  await expect(card(`On time ${suffix}`)).not.toContainText('Starting any moment');
});
