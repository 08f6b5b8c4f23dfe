import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { SignInAgain, SignInAgainState } from './sign-in-again';

const SignInAgainContext = createContext<SignInAgain | null>(null);

export function SignInAgainProvider({ value, children }: { value: SignInAgain; children: ReactNode }) {
  return <SignInAgainContext.Provider value={value}>{children}</SignInAgainContext.Provider>;
}

/** The app's one SignInAgain (src/app/signed-in-app.tsx), or null outside it (component tests). */
export function useSignInAgain(): SignInAgain | null {
  return useContext(SignInAgainContext);
}

const idle: SignInAgainState = { needed: false, signingIn: false };
const noop = () => () => {};

/** Whether the person is asked to sign in again, following it. */
export function useSignInAgainState(signInAgain: SignInAgain | null): SignInAgainState {
  return useSyncExternalStore(signInAgain?.subscribe ?? noop, signInAgain?.getSnapshot ?? (() => idle));
}
