import type { PreparedBoot } from '@/server/media/prepared-watch';

/**
 * The show page's first script: it answers the receive side the server prepared while rendering
 * (server/media/prepared-watch.ts) with a plain RTCPeerConnection, sends its answer to /api/media/prepared
 * (the server reads the DTLS fingerprint from it), and puts the stream on the page's <video>, all before the framework's chunks
 * have loaded. ICE, DTLS and the first key frame then happen while the page hydrates; the player
 * adopts this connection later (app/_lib/adopted-watch.ts), reading `window.__lcBoot`:
 * { token, pc, stream, ready } (`ready` settles once the answer is set and the server has the
 * fingerprint). A player that started without it sets `__lcBoot` to null first: then it does nothing.
 *
 * The show page's layout (layout.tsx) renders it as an inline `<script type="module" async>` with the page's
 * nonce, right after the JSON element `#lc-boot` holding this page's prepared watch, at the top of the body:
 * the parser runs it as soon as the document starts, not after Next's chunks (measured before: an async `src`
 * script waiting for `#lc-boot` at the end of the streamed page ran only near DOMContentLoaded). Plain ES2017
 * written by hand, no imports: it is the page's JavaScript outside Next's chunks, counted by
 * bench/page-weight.ts with the route's first load.
 */
export const BOOT_WATCH_JS = `var w=window,e=document.getElementById("lc-boot"),d,s,b,P=performance,v,c,h=()=>(v=v||document.querySelector("video[data-boot]"))?v.srcObject||(v.muted=!0,v.srcObject=s,v.play().catch(Error)):setTimeout(h,9);if(e&&w.__lcBoot!==null){d=JSON.parse(e.textContent);s=new MediaStream;b=w.__lcBoot={token:d.token,stream:s};P.mark("lc:boot");try{c=b.pc=new RTCPeerConnection({iceServers:d.iceServers,bundlePolicy:"max-bundle"});c.ontrack=e=>{s.addTrack(e.track);h()};c.onconnectionstatechange=()=>c.connectionState=="connected"&&P.mark("lc:transport-connected");b.ready=c.setRemoteDescription({type:"offer",sdp:d.sdp}).then(()=>c.createAnswer()).then(a=>Promise.all([fetch("/api/media/prepared",{method:"POST",body:JSON.stringify({token:d.token,sdp:a.sdp})}).then(r=>{if(!r.ok)throw r.status}),c.setLocalDescription(a)]))}catch(x){b.ready=Promise.reject(x)}b.ready.catch(Error)}`;

/** The data element for one page's prepared watch; `<` escaped so nothing in it can close the element. */
export function bootWatchData(prepared: PreparedBoot): string {
  return JSON.stringify({ token: prepared.token, sdp: prepared.sdp, iceServers: prepared.iceServers }).replace(/</g, '\\u003c');
}
