'use client';

import { ReportError } from '../_components/report-error';

export default function Error({ reset }: { reset: () => void }) {
  return (
    <main className="mx-auto max-w-5xl px-4 py-6">
      <ReportError retry={reset} />
    </main>
  );
}
