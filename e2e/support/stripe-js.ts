import type { BrowserContext } from '@playwright/test';

// Stripe.js cannot be downloaded here (no network): the browser test answers the product's real
// @stripe/stripe-js loader with this stand-in of the script, the bank's 3-D Secure page with a small page of
// two buttons, and Stripe.js's own call to Stripe's API with the API stand-in's test door
// (test/support/stripe-stand-in.ts). Like the real script it draws the bank's check in a full-page frame from
// hooks.stripe.com added to the page's body, and talks to api.stripe.com: a show page whose policy keeps
// Stripe out blocks both, and the test fails.
const STRIPE_JS = `(() => {
  function Stripe(key) {
    if (!(this instanceof Stripe)) return new Stripe(key);
    this.key = key;
  }
  Stripe.version = 'endive';
  Stripe.prototype._registerWrapper = function () {};
  Stripe.prototype.handleNextAction = function ({ clientSecret }) {
    const intent = clientSecret.split('_secret_')[0];
    return new Promise((resolve) => {
      const frame = document.createElement('iframe');
      frame.src = 'https://hooks.stripe.com/3d_secure_2/stand-in?payment_intent=' + encodeURIComponent(intent);
      frame.title = 'Your bank';
      frame.setAttribute('style', 'position:fixed;inset:0;width:100%;height:100%;border:0;z-index:2147483647;background:rgba(0,0,0,.4)');
      document.body.appendChild(frame);
      const answered = (event) => {
        if (event.origin !== 'https://hooks.stripe.com' || !event.data || !event.data.standIn3ds) return;
        window.removeEventListener('message', answered);
        const passed = event.data.standIn3ds === 'passed';
        fetch('https://api.stripe.com/v1/payment_intents/' + intent + '/authenticate', { method: 'POST', body: 'passed=' + passed })
          .then((response) => response.json())
          .then(
            (paymentIntent) => resolve(passed ? { paymentIntent } : { error: { type: 'card_error', code: 'payment_intent_authentication_failure' } }),
            (error) => resolve({ error: { type: 'api_connection_error', message: String(error) } }),
          )
          .finally(() => frame.remove());
      };
      window.addEventListener('message', answered);
    });
  };
  window.Stripe = Stripe;
})();`;

const BANK_PAGE = `<!doctype html><html lang="en"><body style="margin:0;display:grid;place-items:center;height:100vh">
<main style="background:#fff;padding:24px;border-radius:12px;font-family:sans-serif">
<h1 style="font-size:18px">Your bank</h1><p>Confirm this payment.</p>
<button id="passed">Complete authentication</button> <button id="failed">Fail authentication</button>
</main><script>
for (const id of ['passed', 'failed']) document.getElementById(id).onclick = () => parent.postMessage({ standIn3ds: id }, '*');
</script></body></html>`;

/** Serves the stand-ins of Stripe.js, the bank's page and Stripe.js's API call in this browser context. */
export async function routeStripeJs(context: BrowserContext, stripeApiUrl: string): Promise<void> {
  await context.route('https://js.stripe.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'application/javascript', body: STRIPE_JS }),
  );
  await context.route('https://hooks.stripe.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: BANK_PAGE }));
  await context.route('https://api.stripe.com/v1/payment_intents/*/authenticate', async (route) => {
    const intent = new URL(route.request().url()).pathname.split('/')[3] ?? '';
    const response = await route.fetch({ url: `${stripeApiUrl}/__test/authenticate/${encodeURIComponent(intent)}` });
    await route.fulfill({ response });
  });
}
