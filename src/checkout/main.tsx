import './styles.css';
import { createRoot } from 'react-dom/client';
import { prepareCheckout } from './boot';
import { connectToHost } from './bridge/child';
import { legacyLink, takeLegacySecret } from './bridge/legacy';

const container = document.getElementById('root');
if (container) {
  const early = prepareCheckout(createRoot(container));
  const legacySecret = takeLegacySecret(window);
  if (legacySecret) {
    // 0.1.3 host: no handshake; it frames us full screen and listens on window.
    const link = legacyLink(window);
    early.boot({
      secret: legacySecret,
      parentOrigin: null,
      link,
      embed: 'overlay',
      appearance: {},
      backdrop: true,
      onSession: (session) => link.setTarget(session.origin, session.checkout_session_id),
    });
  } else {
    void connectToHost(window).handshake.then(({ parentOrigin, init, link }) => {
      early.boot({
        secret: init.secret,
        parentOrigin,
        link,
        embed: init.embed,
        appearance: init.appearance,
        backdrop: false,
        locale: init.locale,
        confirmClose: init.confirmClose,
      });
    });
  }
}
