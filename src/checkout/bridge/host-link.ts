import type { AppMessage, CloseRequestMessage } from '../../contract';

/** The app's way to the merchant page, whichever embed path opened it. */
export interface HostLink {
  send(message: AppMessage): void;
  /** The host asked the app to close. */
  onCloseRequest(handler: (message: CloseRequestMessage) => void): void;
}
