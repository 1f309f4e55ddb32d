import type { Messages } from '../types';

export const feed: Messages['feed'] = {
  title: 'កម្មវិធីផ្សាយផ្ទាល់',
  label: 'កម្មវិធីផ្សាយផ្ទាល់៖ អូសឡើងលើដើម្បីមើលកម្មវិធីបន្ទាប់ ឬប្រើគ្រាប់ចុចព្រួញ',
  slide: 'កម្មវិធីទី {index} នៃ {count, number}៖ {title}',
  byline: '{host} ជាមួយ {brand}',
  next: 'កម្មវិធីបន្ទាប់',
  previous: 'កម្មវិធីមុន',
  openShow: 'បើកកម្មវិធី',
  empty: 'មិនមានកម្មវិធីផ្សាយផ្ទាល់នៅពេលនេះទេ។',
  comingUp: 'នឹងមកដល់',
  comingUpHint: 'បើកកម្មវិធីមួយ ហើយចុច រំលឹកខ្ញុំ៖ យើងនឹងប្រាប់អ្នកនៅពេលវាចាប់ផ្តើមផ្សាយផ្ទាល់។',
  backHome: 'ទំព័រដើម',
  swipeThrough: 'អូសមើលកម្មវិធីផ្សាយផ្ទាល់',
  recentChat: 'ការជជែកថ្មីៗ',
};
