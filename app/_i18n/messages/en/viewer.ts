export const viewer = {
  media: {
    videoLabel: 'Live video',
    connecting: 'Connecting video…',
    failed: 'We could not start the video. Reload the page to try again.',
    pausedToSaveData: 'Video paused to save data',
    tapForSound: 'Tap for sound',
    mute: 'Mute',
    quality: 'Quality: {level}',
    level: { low: 'Low', medium: 'Medium', high: 'High' },
  },
} as const;
