// Browser-side code for the glass-to-glass benchmark, injected as an init script
// (plain JavaScript: it runs in the page as written). The host's "camera" is a
// canvas that paints the wall-clock time into every frame as 32 black or white
// blocks; the viewer reads the blocks back from each frame it presents. Both pages
// run on the same machine, so they share one clock.
(() => {
  const STAMP = { bits: 32, columns: 16, block: 80, top: 560 };
  const role = document.currentScript?.dataset.role ?? globalThis.__stampRole;

  function installStampCamera() {
    const canvas = document.createElement('canvas');
    canvas.width = 1280;
    canvas.height = 720;
    const context = canvas.getContext('2d');
    const paint = () => {
      const now = Date.now();
      context.fillStyle = '#3b2a4a';
      context.fillRect(0, 0, canvas.width, canvas.height);
      // Something that moves, so the encoder works as it would on a face.
      context.fillStyle = '#e9a';
      context.fillRect((now / 4) % 1200, 120, 80, 300);
      context.font = '64px sans-serif';
      context.fillText(new Date(now).toISOString().slice(11, 23), 40, 90);
      const value = now % 2 ** STAMP.bits;
      for (let bit = 0; bit < STAMP.bits; bit++) {
        context.fillStyle = Math.floor(value / 2 ** bit) % 2 === 1 ? '#fff' : '#000';
        context.fillRect(
          (bit % STAMP.columns) * STAMP.block,
          STAMP.top + Math.floor(bit / STAMP.columns) * STAMP.block,
          STAMP.block,
          STAMP.block,
        );
      }
    };
    let video = null;
    navigator.mediaDevices.getUserMedia = async () => {
      if (!video) {
        paint();
        setInterval(paint, 1000 / 30);
        video = canvas.captureStream(30).getVideoTracks()[0];
      }
      const audio = new AudioContext();
      const tone = audio.createOscillator();
      const sink = audio.createMediaStreamDestination();
      tone.connect(sink);
      tone.start();
      return new MediaStream([video.clone(), ...sink.stream.getAudioTracks()]);
    };
  }

  // Keeps expectedDisplayTime − stamp (ms) for every presented frame: from painting
  // the host's frame to showing it here. Also when the first frame was presented.
  function installStampReader() {
    window.__latencies = [];
    window.__firstFrameMs = null;
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });
    const watch = (video) => {
      const onFrame = (_, meta) => {
        if (window.__firstFrameMs === null) window.__firstFrameMs = meta.presentationTime;
        if (video.videoWidth > 0) {
          canvas.width = video.videoWidth;
          canvas.height = video.videoHeight;
          context.drawImage(video, 0, 0);
          const scale = video.videoWidth / 1280;
          let value = 0;
          for (let bit = 0; bit < STAMP.bits; bit++) {
            const x = ((bit % STAMP.columns) + 0.5) * STAMP.block * scale;
            const y = (STAMP.top + (Math.floor(bit / STAMP.columns) + 0.5) * STAMP.block) * scale;
            if (context.getImageData(Math.floor(x), Math.floor(y), 1, 1).data[0] > 128) value += 2 ** bit;
          }
          const latency = ((performance.timeOrigin + meta.expectedDisplayTime) % 2 ** STAMP.bits) - value;
          // A misread stamp gives nonsense; a real frame is between 0 and 10 s old.
          if (latency >= 0 && latency < 10000) window.__latencies.push(latency);
        }
        video.requestVideoFrameCallback(onFrame);
      };
      video.requestVideoFrameCallback(onFrame);
    };
    const find = () => {
      const video = document.querySelector('[data-testid="live-video"]');
      if (video) watch(video);
      else setTimeout(find, 20);
    };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', find);
    else find();
  }

  if (role === 'host') installStampCamera();
  if (role === 'viewer') installStampReader();
})();
