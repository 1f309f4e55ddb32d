import type { PreparedBoot } from '@/server/media/prepared-watch';

/**
 * The show page's first script: it answers the receive side the server prepared while rendering
 * (server/media/prepared-watch.ts) with a plain RTCPeerConnection and puts the stream on the page's <video>,
 * before the framework runs. The server needs only the page's DTLS fingerprint, and the page knows it before
 * any SDP: the script makes the connection's certificate itself and posts its fingerprint to
 * /api/media/prepared while the offer is still being answered, so the server is ready before ICE completes
 * (mediasoup drops a DTLS ClientHello that comes before the fingerprint, and the browser retries only after a
 * back-off). In a browser without `generateCertificate` or `getFingerprints` the boot fails, the framework
 * loads after 1 s, and the player watches the ordinary way (only Chrome's handler can adopt the connection).
 *
 * The framework waits for it: for such a page the server turned the head's chunk scripts into preloads marked
 * `data-lc-framework` (server/media/deferred-framework.ts), and this script adds them as scripts once the
 * connection is up or has failed, once the boot has failed, or 1 s after it started, whichever comes first
 * (with no prepared watch to answer, at once). Each step of the boot needs the main thread, which Next's chunks
 * held while they compiled and ran. The chunks' paths are taken as written (`getAttribute`): Turbopack's runtime
 * knows a chunk by its script's `src` attribute. ICE, DTLS and the first key frame happen before hydration;
 * the player adopts this connection later (app/_lib/adopted-watch.ts), reading `window.__lcBoot`:
 * { token, stream, ready, pc } (`pc` appears once the certificate exists; `ready` settles once the answer is
 * set and the server has the fingerprint). A player that started without it sets `__lcBoot` to null first:
 * then it does nothing.
 *
 * The show page's layout (layout.tsx) renders it as an inline `<script type="module" async>` with the page's
 * nonce, right after the JSON element `#lc-boot` holding this page's prepared watch, at the top of the body:
 * the parser runs it as soon as the document starts, not after Next's chunks (measured before: an async `src`
 * script waiting for `#lc-boot` at the end of the streamed page ran only near DOMContentLoaded). Plain ES2017
 * written by hand, no imports: it is the page's JavaScript outside Next's chunks, counted by
 * bench/page-weight.ts with the route's first load.
 */
export const BOOT_WATCH_JS = `var w=window,D=document,e=D.getElementById("lc-boot"),F=1,L=()=>{if(F)for(var l of D.querySelectorAll("link[data-lc-framework]"))D.head.appendChild(D.createElement("script")).src=l.getAttribute("href");F=0},d,s,b,P=performance,v,c,R=w.RTCPeerConnection,h=()=>(v=v||D.querySelector("video[data-boot]"))?v.srcObject||(v.muted=!0,v.srcObject=s,v.play().catch(Error)):setTimeout(h,9);setTimeout(L,1e3);if(e&&w.__lcBoot!==null){d=JSON.parse(e.textContent);s=new MediaStream;b=w.__lcBoot={token:d.token,stream:s};P.mark("lc:boot");b.ready=R.generateCertificate({name:"ECDSA",namedCurve:"P-256"}).then(k=>{var g=fetch("/api/media/prepared",{method:"POST",body:JSON.stringify({token:d.token,fingerprints:k.getFingerprints()})}).then(r=>{if(!r.ok)throw r.status});c=b.pc=new R({iceServers:d.iceServers,bundlePolicy:"max-bundle",certificates:[k]});c.ontrack=e=>{s.addTrack(e.track);h()};c.onconnectionstatechange=()=>{c.connectionState=="connected"&&P.mark("lc:transport-connected");c.connectionState!="connecting"&&L()};return c.setRemoteDescription({type:"offer",sdp:d.sdp}).then(()=>c.createAnswer()).then(a=>Promise.all([g,c.setLocalDescription(a)]))});b.ready.catch(L)}else L()`;

/** The data element for one page's prepared watch; `<` escaped so nothing in it can close the element. */
export function bootWatchData(prepared: PreparedBoot): string {
  return JSON.stringify({ token: prepared.token, sdp: prepared.sdp, iceServers: prepared.iceServers }).replace(/</g, '\\u003c');
}
