import type { Messages } from '../types';

// Connect payouts and reversals Stripe refused on every attempt (issue 21), on the brand's Payments page.
export const payoutFailures: Messages['payoutFailures'] = {
  heading: 'ការផ្ទេរប្រាក់ដែល Stripe បានបដិសេធ',
  explanation:
    'Stripe បានបដិសេធការផ្ទេរទាំងនេះច្រើនដង ហើយយើងបានឈប់ព្យាយាម។ ការដកត្រឡប់ គឺដកចំណែកនៃការបញ្ជាទិញដែលបានសងប្រាក់វិញ ពីគណនីដែលភ្ជាប់។ Stripe បដិសេធនៅពេលសមតុល្យគណនីនោះទាបពេក។ ការផ្ទេរប្រាក់ គឺផ្ញើប្រាក់នៃការបញ្ជាទិញទៅគណនីដែលភ្ជាប់។ Stripe បដិសេធនៅពេលសមតុល្យរបស់វេទិកាមិនទាន់មានប្រាក់នោះ ឬគណនីមិនអាចទទួលការផ្ទេរបាន។ សូមដោះស្រាយមូលហេតុនៅក្នុង Stripe រួចសាកល្បងម្ដងទៀត។',
  payout: 'ការផ្ទេរប្រាក់នៃការបញ្ជាទិញ #{number}',
  reversal: 'ការដកត្រឡប់សម្រាប់ការបញ្ជាទិញ #{number}',
  step: '{amount} ទៅ {account}',
  reversalStep: '{amount} ពី {account}',
  nothingOwed: 'លែងជំពាក់អ្វីទៀតហើយ៖ ការសាកល្បងម្ដងទៀតនឹងបិទវា។',
  stripeSaid: 'Stripe បាននិយាយថា៖ {error}',
  failedAt: 'បានឈប់ព្យាយាម {time}',
  tryAgain: 'សាកល្បងម្ដងទៀត',
  queued: 'បានដាក់ក្នុងជួរ៖ វានឹងដំណើរការម្ដងទៀតបន្តិចទៀតនេះ។ សូមផ្ទុកទំព័រឡើងវិញដើម្បីមើលលទ្ធផល។',
  alreadyQueued: 'វាបានដាក់ក្នុងជួររួចហើយ។',
};
