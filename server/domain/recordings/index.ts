// Recordings of live shows (issue 16): which recording a live show writes into, its progress, the
// final playlist (READY, `recording.ready`), what the HLS route serves, and the brand's switch and delete.
//
// The module's public door: code outside server/domain/recordings/ imports from here.
export {
  deleteRecording,
  failRecording,
  finishRecording,
  hlsSourceForShow,
  type HlsSource,
  listShowRecordings,
  openRecording,
  type OpenRecording,
  PLAYLIST_FILE,
  recordingLedger,
  recordingPrefix,
  recordRecordingProgress,
  type RecordingProgress,
  type RecordingSummary,
  setRecordingEnabled,
  showHasEnded,
  showRecordsHls,
} from './recordings';
