import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';

// Hands the sign-in response from Entra to the page (or the hidden iframe) that asked for it.
broadcastResponseToMainFrame().catch(() => {
  // Not an auth response (for example after sign-out): go home.
  window.location.replace('/');
});
