import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, preloadSignedInApp } from './app/app';
import './app/global.css';
import { createMsalInstance } from './auth/msal-instance';
import { loadAppConfig } from './config/app-config';
import { ConfigErrorPage } from './config/config-error-page';

async function start() {
  const root = createRoot(document.getElementById('root')!);
  const showProblems = (problems: string[]) =>
    root.render(
      <FluentProvider theme={webLightTheme}>
        <ConfigErrorPage problems={problems} />
      </FluentProvider>,
    );

  const loaded = await loadAppConfig();
  if (!loaded.ok) {
    showProblems(loaded.problems);
    return;
  }
  let msal;
  try {
    msal = await createMsalInstance(loaded.config);
  } catch (error) {
    showProblems([`Sign-in could not be set up with this configuration: ${(error as Error).message}`]);
    return;
  }
  if (msal.getAllAccounts().length > 0) await preloadSignedInApp();
  root.render(
    <StrictMode>
      <App config={loaded.config} msal={msal} />
    </StrictMode>,
  );
}

void start();
