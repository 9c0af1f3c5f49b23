import './styles.css';
import { createRoot } from 'react-dom/client';
import { connectToHost, type Handshake } from './bridge/child';
import { isFramed, legacyLink, takeLegacySecret } from './bridge/legacy';
import { type CheckoutOptions, startCheckout } from './start/start-checkout';
import { startFromHandshake } from './start/start-from-handshake';
import { NotFramed } from './steps/end/NotFramed';

const container = document.getElementById('root');
if (container) {
  const root = createRoot(container);
  const legacySecret = takeLegacySecret(window);
  if (legacySecret && !isFramed(window)) {
    // The legacy page as a page of its own (a link someone sent): nothing starts, the session is untouched.
    root.render(<NotFramed />);
  } else if (legacySecret) {
    // 0.1.3 host: no handshake; it frames us full screen and listens on window.
    const link = legacyLink(window);
    const options: CheckoutOptions = {
      secret: legacySecret,
      parentOrigin: null,
      link,
      embed: 'overlay',
      appearance: {},
      backdrop: true,
      onSession: (session) => link.setTarget(session.origin, session.checkout_session_id),
    };
    startCheckout(root, options, { phoneDrawn: false });
  } else {
    const bridge = connectToHost(window);
    const optionsFrom = ({ parentOrigin, init, link }: Handshake): CheckoutOptions => ({
      secret: init.secret,
      parentOrigin,
      link,
      embed: init.embed,
      appearance: init.appearance,
      backdrop: false,
      locale: init.locale,
      prefill: init.prefill,
      confirmClose: init.confirmClose,
    });
    startFromHandshake(root, bridge, optionsFrom);
  }
}
