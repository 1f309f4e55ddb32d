'use client';

import { ReportError } from '@/app/reports/_components/report-error';

export default function Error({ reset }: { reset: () => void }) {
  return <ReportError retry={reset} />;
}
