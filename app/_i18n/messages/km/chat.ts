import type { Messages } from '../types';

export const chat: Messages['chat'] = {
  region: 'ការជជែក',
  log: 'សារជជែក',
  pinned: 'បានខ្ទាស់ · {name}:',
  unpin: 'ដោះខ្ទាស់',
  empty: 'មិនទាន់មានសារទេ។ សួរសុខទុក្ខសិន!',
  roleHost: 'ម្ចាស់កម្មវិធី',
  roleModerator: 'អ្នកសម្របសម្រួល',
  pin: 'ខ្ទាស់',
  pinLabel: 'ខ្ទាស់សារពី {name}',
  delete: 'លុប',
  deleteLabel: 'លុបសារពី {name}',
  ban: 'ហាមឃាត់',
  banLabel: 'ហាមឃាត់ {name} ពីការជជែក',
  slowMode: 'របៀបយឺត៖ មួយសាររៀងរាល់ {seconds} វិនាទី។',
  slowModeWait: 'របៀបយឺត៖ អ្នកអាចផ្ញើម្តងទៀតក្នុងរយៈពេល {seconds} វិនាទី។',
  message: 'សារ',
  placeholder: 'សរសេរអ្វីមួយ…',
  send: 'ផ្ញើ',
  signInToChat: 'ចូលគណនីដើម្បីជជែក',
};
