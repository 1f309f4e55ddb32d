import type { Messages } from '../types';

export const common: Messages['common'] = {
  appName: 'Live Commerce',
  description: 'មើលកម្មវិធីលក់ផ្ទាល់ ជជែកជាមួយអ្នកធ្វើកម្មវិធី និងទិញដោយចុចតែម្តង។',
  skipToContent: 'រំលងទៅខ្លឹមសារ',
  nav: {
    main: 'ម៉ឺនុយមេ',
    search: 'ស្វែងរក',
    dashboard: 'ផ្ទាំងគ្រប់គ្រង',
    account: 'គណនី',
    signIn: 'ចូល',
    signOut: 'ចាកចេញ',
    language: 'ភាសា',
  },
  loading: 'កំពុងផ្ទុក…',
  save: 'រក្សាទុក',
  cancel: 'បោះបង់',
  close: 'បិទ',
  tryAgain: 'ព្យាយាមម្តងទៀត',
};
