// What the HLS backup path needs, in one chunk loaded on demand with hls.js: a WebRTC viewer downloads none of it.
export { default as Hls } from 'hls.js';
export { hlsPlayoutClock, nativeProgramDateMs } from '../../_lib/hls-playout-clock';
