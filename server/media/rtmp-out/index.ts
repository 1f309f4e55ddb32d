export { SimulcastService, type SimulcastServiceOptions } from './simulcast-service';
export { openRtpTap, freeRtpPortPair, type RtpTap } from './plain-rtp-tap';
