import type { Metadata } from 'next';
import { getI18n } from '@/app/_i18n/server';
import { LOCALE_NAMES, LOCALES } from '@/app/_i18n/locales';
import { requirePageUser } from '@/app/_lib/action';
import { orNotFound } from '@/app/_lib/not-found-as-404';
import { listFaq, myAssistantPolicy } from '@/server/domain/assistant';
import { services } from '@/server/services';
import { PageHeading } from '../../../../_components/ui';
import { FaqEntryForm, PolicyForm, type FaqText } from './assistant-forms';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('assistantAnswers.editor.title') };
}

/** The shop assistant's knowledge of the brand (issue 19 item 4): policies and FAQ, per language. */
export default async function BrandAssistantPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requirePageUser(`/dashboard/brands/${slug}/assistant`);
  const actor = { userId: user.id, name: user.name };
  const { db } = services();
  const [policy, faq] = await Promise.all([orNotFound(myAssistantPolicy(db, actor, slug)), orNotFound(listFaq(db, actor, slug))]);
  const { t } = await getI18n();
  const languages = LOCALES.map((locale) => ({ locale, name: LOCALE_NAMES[locale] }));
  const policyValues: Record<string, string> = {};
  for (const field of ['shippingText', 'deliveryTime', 'returns'] as const)
    for (const l of LOCALES) policyValues[`${field}.${l}`] = policy[field][l] ?? '';
  const faqText: FaqText = {
    formLabel: t('assistantAnswers.editor.faqEntry'),
    questions: t('assistantAnswers.editor.questions'),
    questionsHint: t('assistantAnswers.editor.questionsHint'),
    answer: t('assistantAnswers.editor.answer'),
    save: t('assistantAnswers.editor.save'),
    saving: t('assistantAnswers.editor.saving'),
    remove: t('assistantAnswers.editor.remove'),
  };
  const entryValues = (entry: (typeof faq)[number]) => {
    const values: Record<string, string> = {};
    for (const l of LOCALES) {
      values[`questions.${l}`] = (entry.questions[l] ?? []).join('\n');
      values[`answers.${l}`] = entry.answers[l] ?? '';
    }
    return values;
  };
  return (
    <div className="space-y-8">
      <PageHeading title={t('assistantAnswers.editor.title')} description={t('assistantAnswers.editor.description')} />
      <section aria-labelledby="policy-heading" className="space-y-3">
        <h2 id="policy-heading" className="text-lg font-semibold">
          {t('assistantAnswers.editor.policies')}
        </h2>
        <PolicyForm
          slug={slug}
          languages={languages}
          values={policyValues}
          text={{
            formLabel: t('assistantAnswers.editor.policies'),
            fields: [
              { name: 'shippingText', label: t('assistantAnswers.editor.shippingText') },
              { name: 'deliveryTime', label: t('assistantAnswers.editor.deliveryTime') },
              { name: 'returns', label: t('assistantAnswers.editor.returns') },
            ],
            save: t('assistantAnswers.editor.save'),
            saving: t('assistantAnswers.editor.saving'),
          }}
        />
      </section>
      <section aria-labelledby="faq-heading" className="max-w-2xl space-y-3">
        <h2 id="faq-heading" className="text-lg font-semibold">
          {t('assistantAnswers.editor.faq')}
        </h2>
        <p className="text-sm text-neutral-700">{t('assistantAnswers.editor.faqHint')}</p>
        {faq.map((entry) => (
          <FaqEntryForm key={entry.id} slug={slug} id={entry.id} languages={languages} values={entryValues(entry)} text={faqText} />
        ))}
        <h3 className="text-sm font-semibold">{t('assistantAnswers.editor.newEntry')}</h3>
        <FaqEntryForm key={`new-${faq.length}`} slug={slug} languages={languages} values={{}} text={faqText} />
      </section>
    </div>
  );
}
