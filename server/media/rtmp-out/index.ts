export { SimulcastService, type SimulcastServiceOptions } from './simulcast-service';
export { openRtpTap, freeRtpPortPair, type RtpTap } from './plain-rtp-tap';
export { startRtmpEncoder, RTMP_VIDEO, type RtmpEncoder } from './ffmpeg-rtmp';
