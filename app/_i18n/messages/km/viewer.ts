import type { Messages } from '../types';

export const viewer: Messages['viewer'] = {
  media: {
    videoLabel: 'វីដេអូផ្សាយផ្ទាល់',
    connecting: 'កំពុងភ្ជាប់វីដេអូ…',
    failed: 'យើងមិនអាចចាប់ផ្ដើមវីដេអូបានទេ។ សូមផ្ទុកទំព័រឡើងវិញ ដើម្បីសាកល្បងម្ដងទៀត។',
    pausedToSaveData: 'បានផ្អាកវីដេអូ ដើម្បីសន្សំទិន្នន័យ',
    tapForSound: 'ចុចដើម្បីបើកសំឡេង',
    mute: 'បិទសំឡេង',
    quality: 'គុណភាព៖ {level}',
    level: { low: 'ទាប', medium: 'មធ្យម', high: 'ខ្ពស់' },
  },
};
