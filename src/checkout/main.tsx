import './styles.css';
import { createRoot } from 'react-dom/client';
import { type BootOptions, startCheckout, startOnHandshake } from './boot';
import { connectToHost, type Handshake } from './bridge/child';
import { isFramed, legacyLink, takeLegacySecret } from './bridge/legacy';
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
    startCheckout(root, {
      secret: legacySecret,
      parentOrigin: null,
      link,
      embed: 'overlay',
      appearance: {},
      backdrop: true,
      onSession: (session) => link.setTarget(session.origin, session.checkout_session_id),
    });
  } else {
    const bridge = connectToHost(window);
    const withToken = ({ parentOrigin, init, link }: Handshake): BootOptions => ({
      secret: init.secret,
      parentOrigin,
      link,
      embed: init.embed,
      appearance: init.appearance,
      backdrop: false,
      locale: init.locale,
      confirmClose: init.confirmClose,
    });
    startOnHandshake(root, bridge, withToken);
  }
}
