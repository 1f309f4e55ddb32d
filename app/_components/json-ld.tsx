import { ldJson } from '@/server/domain/seo';

/** A schema.org description for search engines; ldJson escapes `<`, so text in it cannot close the script. */
export function JsonLd({ data }: { data: Parameters<typeof ldJson>[0] }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: ldJson(data) }} />;
}
